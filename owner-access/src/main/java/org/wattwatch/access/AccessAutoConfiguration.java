package org.wattwatch.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * Binds {@code wattwatch.security.*} for any service on the classpath, and stands in for Spring
 * Boot's generated user (whose password would be logged): the owner is the only user.
 */
// before Boot's generated user is considered: it backs off for the owner's provider, and its password
// (logged at start) never exists
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@EnableConfigurationProperties(AccessProperties.class)
public class AccessAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(AccessAutoConfiguration.class);

    @Bean
    AuthenticationProvider ownerSignIn(AccessProperties properties) {
        if (properties.token() == null) {
            LOG.warn("no owner token (wattwatch.security.token): every request that needs the owner is refused");
        }
        if (properties.openReads()) {
            LOG.warn("wattwatch.security.open-reads: anyone who reaches this service can read the home's usage");
        }
        return new OwnerSignIn(new OwnerToken(properties.token()));
    }
}
