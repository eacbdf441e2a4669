package org.wattwatch.access;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** A 401 as an RFC 9457 problem, saying what credential is wanted (never echoing one). */
final class ProblemEntryPoint implements AuthenticationEntryPoint {

    private final OwnerToken owner;

    ProblemEntryPoint(OwnerToken owner) {
        this.owner = owner;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String detail = owner.isSet()
                ? "send the owner's token as 'Authorization: Bearer <token>' (wattwatch.security.token)"
                : "this service has no owner token (wattwatch.security.token), so nothing that needs one can be used";
        response.setHeader("WWW-Authenticate", "Bearer realm=\"wattwatch\"");
        ProblemResponses.write(response, HttpServletResponse.SC_UNAUTHORIZED, "Unauthorized", null, detail);
    }
}
