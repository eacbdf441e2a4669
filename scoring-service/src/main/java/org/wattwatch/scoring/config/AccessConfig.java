package org.wattwatch.scoring.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.wattwatch.access.AccessProperties;
import org.wattwatch.access.OwnerAccess;

/**
 * The owner signs in to the dashboard; programs send the token. Scoring a value changes nothing, so
 * it is a read.
 */
@Configuration
public class AccessConfig {

    @Bean
    SecurityFilterChain ownerAccess(HttpSecurity http, AccessProperties access) throws Exception {
        return OwnerAccess.withSignIn(http, access, new String[] {"/api/**", "/actuator/**", "/v3/api-docs/**"},
                "/api/score");
    }
}
