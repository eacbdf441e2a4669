package org.wattwatch.notifier.api;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.access.ProblemResponses;
import org.wattwatch.event.learning.AlertFeedback;
import org.wattwatch.event.validation.Checks;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.AlertRecord;
import org.wattwatch.notifier.feedback.OwnerFeedback;

@RestController
@RequestMapping("/api/alerts")
class AlertsController {

    private static final Duration MAX_SNOOZE = Duration.ofDays(7);

    private final AlertBook book;
    private final OwnerFeedback feedback;

    AlertsController(AlertBook book, OwnerFeedback feedback) {
        this.book = book;
        this.feedback = feedback;
    }

    /** Recent alerts, latest change first, each with its delivery status per event and channel. */
    @GetMapping
    List<AlertRecord> recent() {
        return book.recent();
    }

    @GetMapping("/{id}")
    AlertRecord one(@PathVariable String id) {
        return book.get(id).orElseThrow(() -> new AlertNotFoundException(id));
    }

    /** Silences the alert's raised and reminder messages for a while; "back to normal" still comes. */
    @PostMapping("/{id}/snooze")
    AlertRecord snooze(@PathVariable String id, @RequestParam("for") String length) {
        Duration duration;
        try {
            duration = Duration.parse(length);
        } catch (DateTimeParseException e) {
            throw new BadSnoozeException("for: not an ISO-8601 duration such as PT2H, was '" + length + "'");
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_SNOOZE) > 0) {
            throw new BadSnoozeException("for: must be more than zero and at most " + MAX_SNOOZE + ", was " + length);
        }
        return book.snooze(id, duration).orElseThrow(() -> new AlertNotFoundException(id));
    }

    /** What the owner said of an alert, for the owner's next retrain: {@code {"label": "expected"|"problem"}}. */
    @PostMapping("/{id}/feedback")
    AlertRecord feedback(@PathVariable String id, @RequestBody(required = false) FeedbackRequest request) {
        AlertFeedback.Label label = FeedbackRequest.label(request);
        return feedback.say(id, label).orElseThrow(() -> new AlertNotFoundException(id));
    }

    /** The body of a feedback request. */
    record FeedbackRequest(String label) {

        static AlertFeedback.Label label(FeedbackRequest request) {
            String label = request == null ? null : request.label();
            if (label == null || !(label.equalsIgnoreCase("expected") || label.equalsIgnoreCase("problem"))) {
                throw new BadFeedbackException("label: must be \"expected\" or \"problem\", was "
                        + (label == null ? "missing" : Checks.printable(label)));
            }
            return AlertFeedback.Label.valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @ExceptionHandler(BadFeedbackException.class)
    ProblemDetail badFeedback(BadFeedbackException e) {
        return ProblemResponses.of(HttpStatus.BAD_REQUEST, "Invalid request", "label", e.getMessage().substring(7));
    }

    @ExceptionHandler(OwnerFeedback.FeedbackNotKeptException.class)
    ProblemDetail notKept(OwnerFeedback.FeedbackNotKeptException e) {
        return ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "Feedback not kept", null, e.getMessage());
    }

    @ExceptionHandler(AlertNotFoundException.class)
    ProblemDetail notFound(AlertNotFoundException e) {
        return ProblemResponses.of(HttpStatus.NOT_FOUND, "No such alert", null, e.getMessage());
    }

    @ExceptionHandler(BadSnoozeException.class)
    ProblemDetail badSnooze(BadSnoozeException e) {
        return ProblemResponses.of(HttpStatus.BAD_REQUEST, "Invalid request", "for", e.getMessage().substring(5));
    }

    static class AlertNotFoundException extends RuntimeException {
        AlertNotFoundException(String id) {
            super("no recent alert with id " + id);
        }
    }

    static class BadFeedbackException extends RuntimeException {
        BadFeedbackException(String message) {
            super(message);
        }
    }

    static class BadSnoozeException extends RuntimeException {
        BadSnoozeException(String message) {
            super(message);
        }
    }
}
