package org.wattwatch.access;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one way the services build RFC 9457 problem bodies, for controllers and exception handlers
 * ({@link #of}) and where Spring MVC's {@code ProblemDetail} cannot be returned (servlet filters, the
 * security chain: {@link #write}), in one shape: {@code type}, {@code title}, {@code status},
 * {@code detail} and, when fields are at fault, {@code errors: [{field, message}]}.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    /** @param field the request part at fault (e.g. {@code body}), or null when it is none in particular */
    public static ProblemDetail of(HttpStatusCode status, String title, String field, String message) {
        return field == null ? of(status, title, message, List.of())
                : of(status, title, field + ": " + message, List.of(Map.of("field", field, "message", message)));
    }

    /** @param errors each field at fault with its message, as records or maps of {@code field} and {@code message} */
    public static ProblemDetail of(HttpStatusCode status, String title, String detail, List<?> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return problem;
    }

    /** @param field the request part at fault (e.g. {@code body}), or null */
    public static void write(HttpServletResponse response, int status, String title, String field, String message)
            throws IOException {
        ProblemDetail problem = of(HttpStatusCode.valueOf(status), title, field, message);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", String.valueOf(problem.getType()));
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
