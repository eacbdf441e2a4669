package org.wattwatch.scoring.api;

import java.time.DateTimeException;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wattwatch.access.ProblemResponses;
import org.wattwatch.event.validation.Violation;

import tools.jackson.core.JacksonException;

/**
 * RFC 9457 problem bodies for bad requests, always naming the field: {@code detail} in words and
 * {@code errors} as a list of {field, message} a client can act on. Ordered before Boot's generic
 * problem handler, whose unreadable-body detail does not say which field was wrong.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler {

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalid(InvalidRequestException e) {
        return problem(e.violations());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            return problem(List.of(violationOf(jackson, "")));
        }
        return problem(List.of(new Violation("body", "is not JSON of the expected form")));
    }

    /** The field a Jackson error is about, as {@code prefix + path}, and what was wrong with it. */
    static Violation violationOf(JacksonException jackson, String prefix) {
        String field = jackson.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return new Violation(field.isEmpty() ? (prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1))
                : prefix + field, "cannot be read: " + readableCause(jackson));
    }

    /** A bad time's own message ("Invalid value for HourOfDay...") says more than Jackson's format dump. */
    private static String readableCause(JacksonException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof DateTimeException) {
                return t.getMessage();
            }
        }
        return e.getOriginalMessage();
    }

    @ExceptionHandler(BodyLimit.BodyTooLargeException.class)
    ProblemDetail tooLarge(BodyLimit.BodyTooLargeException e) {
        return tooLarge(e.limit());
    }

    /** A body that streamed on past {@link BodyLimit}'s limit: as the filter answers a declared one. */
    private static ProblemDetail tooLarge(long limit) {
        String message = BodyLimit.tooLargeMessage(limit, "more");
        return ProblemResponses.of(HttpStatus.CONTENT_TOO_LARGE, BodyLimit.TOO_LARGE, "body", message);
    }

    private static ProblemDetail problem(List<Violation> violations) {
        return ProblemResponses.of(HttpStatus.BAD_REQUEST, "Invalid request",
                violations.stream().map(Violation::toString).collect(Collectors.joining("; ")), violations);
    }
}
