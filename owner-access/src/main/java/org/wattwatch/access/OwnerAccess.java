package org.wattwatch.access;

import java.util.Set;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one rule of the three services: health probes are open; reading usage needs the owner unless
 * {@code wattwatch.security.open-reads}; changing anything always needs the owner.
 */
public final class OwnerAccess {

    public static final String OWNER = "owner";
    public static final String ROLE = "OWNER";

    private OwnerAccess() {
    }

    /**
     * For a service without pages: the owner's bearer token on each request, no session, and so no
     * CSRF token (a browser attaches nothing this accepts on its own).
     *
     * @param readOnlyPosts POST paths that change nothing (e.g. scoring a value): reads
     */
    public static SecurityFilterChain stateless(HttpSecurity http, AccessProperties properties,
            String... readOnlyPosts) throws Exception {
        OwnerToken owner = new OwnerToken(properties.token());
        ProblemEntryPoint problem = new ProblemEntryPoint(owner);
        rules(http, properties, owner, problem, readOnlyPosts);
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problem));
        return http.build();
    }

    /**
     * For a service with pages (the dashboard): also a sign-in form (user {@value #OWNER}, the token as
     * password) that opens a session, and CSRF tokens for the pages' buttons (cookie and header, as a
     * script reads them). Programs still send the bearer token; pages not signed in go to the form,
     * API calls get a 401 problem.
     *
     * @param apiPaths paths answered with a 401 problem instead of the sign-in form
     */
    public static SecurityFilterChain withSignIn(HttpSecurity http, AccessProperties properties, String[] apiPaths,
            String... readOnlyPosts) throws Exception {
        OwnerToken owner = new OwnerToken(properties.token());
        ProblemEntryPoint problem = new ProblemEntryPoint(owner);
        rules(http, properties, owner, problem, readOnlyPosts);
        RequestMatcher[] api = new RequestMatcher[apiPaths.length];
        for (int i = 0; i < apiPaths.length; i++) {
            api[i] = PathPatternRequestMatcher.withDefaults().matcher(apiPaths[i]);
        }
        // after signing in, back to the page that sent the owner there: a page a browser asked for as
        // such, never an API call the page made meanwhile (fetch accepts anything) nor its favicon
        MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        html.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        HttpSessionRequestCache pages = new HttpSessionRequestCache();
        pages.setRequestMatcher(new AndRequestMatcher(html, new NegatedRequestMatcher(new OrRequestMatcher(api))));
        http.requestCache(cache -> cache.requestCache(pages))
                .formLogin(form -> form.permitAll()) // checked by the OwnerSignIn bean (AccessAutoConfiguration)
                // a request with the bearer token or without a session cannot ride on the owner's
                // signed-in browser: it gets its 401 from the rules, not a CSRF refusal
                .csrf(csrf -> csrf.spa().ignoringRequestMatchers(OwnerTokenFilter::hasBearer,
                        request -> request.getRequestedSessionId() == null))
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(problem, new OrRequestMatcher(api))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    private static void rules(HttpSecurity http, AccessProperties properties, OwnerToken owner,
            ProblemEntryPoint problem, String... readOnlyPosts) {
        http.addFilterBefore(new OwnerTokenFilter(owner, problem), AnonymousAuthenticationFilter.class)
                .httpBasic(basic -> basic.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/error")
                            .permitAll();
                    if (properties.openReads()) {
                        requests.requestMatchers(HttpMethod.GET).permitAll()
                                .requestMatchers(HttpMethod.HEAD).permitAll();
                        for (String path : readOnlyPosts) {
                            requests.requestMatchers(HttpMethod.POST, path).permitAll();
                        }
                    }
                    requests.anyRequest().hasRole(ROLE);
                });
    }
}
