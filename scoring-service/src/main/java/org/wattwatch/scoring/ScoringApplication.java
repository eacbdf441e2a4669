package org.wattwatch.scoring;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class ScoringApplication {

    /**
     * Config file base name ({@code scoring-service.yml}) instead of {@code application}, so the
     * services can share one classpath (system tests) without reading each other's settings.
     */
    public static final String CONFIG_NAME = "scoring-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(ScoringApplication.class).properties("spring.config.name=" + CONFIG_NAME);
    }
}
