package org.wattwatch.agent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** Bad settings stop the agent at startup with a message naming the property. */
class AgentConfigurationTest {

    @Configuration
    @EnableConfigurationProperties(AgentProperties.class)
    static class Config {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Config.class);

    private void failsNaming(String property, String... settings) {
        runner.withPropertyValues(settings).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder messages = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                messages.append(t.getMessage()).append('\n');
            }
            assertThat(messages.toString()).contains(property).doesNotContain("left unbound");
        });
    }

    @Test
    void defaultsAreValid() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            AgentProperties p = context.getBean(AgentProperties.class);
            assertThat(p.meters()).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo("main");
                assertThat(m.impulsesPerKwh()).isEqualTo(1000);
            });
        });
    }

    @Test
    void aMeterIdTheServicesWouldRefuseFails() {
        failsNaming("wattwatch.agent.meters[0].id", "wattwatch.agent.meters[0].id=kitchen meter");
    }

    @Test
    void aPinOffTheHeaderFails() {
        failsNaming("wattwatch.agent.meters[0].pin", "wattwatch.agent.meters[0].id=main",
                "wattwatch.agent.meters[0].pin=40");
    }

    @Test
    void metersBindWithTheirDefaults() {
        runner.withPropertyValues("wattwatch.agent.meters[0].id=main", "wattwatch.agent.meters[1].id=garage",
                "wattwatch.agent.meters[1].pin=27", "wattwatch.agent.meters[1].impulses-per-kwh=800").run(context -> {
                    assertThat(context).hasNotFailed();
                    var meters = context.getBean(AgentProperties.class).meters();
                    assertThat(meters).extracting(AgentProperties.Meter::pin).containsExactly(17, 27);
                    assertThat(meters.get(1).whPerPulse()).isEqualTo(1.25);
                });
    }

    @Test
    void aZeroMeterConstantFails() {
        failsNaming("wattwatch.agent.meters[0].impulsesPerKwh", "wattwatch.agent.meters[0].id=main",
                "wattwatch.agent.meters[0].impulses-per-kwh=0");
    }

    @Test
    void anUnknownSourceFails() {
        failsNaming("wattwatch.agent.source", "wattwatch.agent.source=carrier-pigeon");
    }

    @Test
    void anIntervalThatDoesNotDivideAQuarterHourFails() {
        failsNaming("wattwatch.agent.interval", "wattwatch.agent.interval=7m");
    }

    @Test
    void twoMetersOnOnePinFail() {
        failsNaming("wattwatch.agent.meters[1].pin", "wattwatch.agent.meters[0].id=main",
                "wattwatch.agent.meters[1].id=garage");
    }
}
