package org.wattwatch.scoring.dashboard;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.access.ProblemResponses;

/** The dashboard's alerts: the notifier's, passed through, so the page talks to one service. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardAlertsController {

    private final NotifierClient notifier;

    DashboardAlertsController(NotifierClient notifier) {
        this.notifier = notifier;
    }

    @Operation(summary = "The notifier's recent alerts with their deliveries, passed through")
    @GetMapping("/alerts")
    ResponseEntity<byte[]> alerts() {
        return notifier.alerts();
    }

    @Operation(summary = "Snooze an alert at the notifier, for an ISO-8601 duration such as PT2H")
    @PostMapping("/alerts/{id}/snooze")
    ResponseEntity<byte[]> snooze(@PathVariable String id, @RequestParam("for") String length) {
        return notifier.snooze(id, length);
    }

    @Operation(summary = "Tell the notifier what the owner said of an alert: {\"label\": \"expected\"|\"problem\"}")
    @PostMapping("/alerts/{id}/feedback")
    ResponseEntity<byte[]> feedback(@PathVariable String id, @RequestBody byte[] body) {
        return notifier.feedback(id, body);
    }

    @ExceptionHandler(NotifierClient.NotifierUnreachableException.class)
    ProblemDetail notifierUnreachable(NotifierClient.NotifierUnreachableException e) {
        return ProblemResponses.of(HttpStatus.SERVICE_UNAVAILABLE, "Notifier unreachable", null, e.getMessage());
    }
}
