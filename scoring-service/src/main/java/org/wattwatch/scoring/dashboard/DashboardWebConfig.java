package org.wattwatch.scoring.dashboard;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The page at {@code /}. Its files live under {@code classpath:/dashboard/}, not Boot's
 * {@code static/}, so the other services never serve it when they share a classpath (system tests).
 * Scheduling is for {@link LiveUpdates}' heartbeat.
 */
@Configuration
@EnableScheduling
class DashboardWebConfig implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addViewController("/").setViewName("forward:/dashboard/index.html");
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/dashboard/**").addResourceLocations("classpath:/dashboard/");
    }
}
