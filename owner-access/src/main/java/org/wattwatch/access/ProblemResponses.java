package org.wattwatch.access;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem bodies written where Spring MVC's {@code ProblemDetail} cannot be (servlet filters,
 * the security chain), in the same shape: {@code type}, {@code title}, {@code status}, {@code detail}
 * and, when a field is at fault, {@code errors: [{field, message}]}.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** @param field the request part at fault (e.g. {@code body}), or null */
    public static void write(HttpServletResponse response, int status, String title, String field, String message)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", field == null ? message : field + ": " + message);
        if (field != null) {
            problem.put("errors", List.of(Map.of("field", field, "message", message)));
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
    }
}
