package org.wattwatch.notifier.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.wattwatch.access.AccessProperties;
import org.wattwatch.access.OwnerAccess;

/** The alerts are the owner's to read and snooze; the dashboard asks with the owner's token. */
@Configuration
public class AccessConfig {

    @Bean
    SecurityFilterChain ownerAccess(HttpSecurity http, AccessProperties access) throws Exception {
        return OwnerAccess.stateless(http, access);
    }
}
