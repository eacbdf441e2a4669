package org.wattwatch.access;

import java.util.List;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The dashboard's sign-in: user {@value OwnerAccess#OWNER}, the owner's token as password. */
public final class OwnerSignIn implements AuthenticationProvider {

    private final OwnerToken owner;

    public OwnerSignIn(OwnerToken owner) {
        this.owner = owner;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        Object password = authentication.getCredentials();
        if (!OwnerAccess.OWNER.equals(authentication.getName()) || password == null
                || !owner.matches(password.toString())) {
            throw new BadCredentialsException("not the owner");
        }
        return UsernamePasswordAuthenticationToken.authenticated(OwnerAccess.OWNER, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + OwnerAccess.ROLE)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
