package org.wattwatch.access;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request carrying {@code Authorization: Bearer <token>} is the owner's when the token is; one
 * carrying another token is refused at once. Nothing is kept between requests: programs send the
 * token each time, and a browser never attaches it on its own, so such requests need no CSRF token.
 */
final class OwnerTokenFilter extends OncePerRequestFilter {

    static final String BEARER = "Bearer ";

    private final OwnerToken owner;
    private final AuthenticationEntryPoint refused;

    OwnerTokenFilter(OwnerToken owner, AuthenticationEntryPoint refused) {
        this.owner = owner;
        this.refused = refused;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String presented = request.getHeader("Authorization").substring(BEARER.length()).trim();
        if (!owner.matches(presented)) {
            SecurityContextHolder.clearContext();
            refused.commence(request, response, new BadCredentialsException("not the owner's token"));
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(OwnerAccess.OWNER, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + OwnerAccess.ROLE))));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
