package org.wattwatch.access;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A value from outside logged by a service that imports the shared logging patterns stays on its line. */
@ExtendWith(OutputCaptureExtension.class)
class LogLinesTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Test
    void aValueWithLineBreaksCannotForgeALogLine(CapturedOutput output) {
        SpringApplication application = new SpringApplication(Empty.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext ignored = application.run(
                "--spring.config.import=classpath:wattwatch-logging.yml", "--spring.main.banner-mode=off")) {
            LoggerFactory.getLogger(LogLinesTest.class)
                    .warn("reading refused for meter {}", "kitchen\r\n2026-12-01T04:00:00Z  INFO owner signed in");
        }
        assertThat(output.getOut())
                .contains("reading refused for meter kitchen\\r\\n2026-12-01T04:00:00Z  INFO owner signed in")
                .doesNotContainPattern("(?m)^2026-12-01T04:00:00Z");
    }
}
