package org.wattwatch.notifier.api;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wattwatch.notifier.delivery.AlertBook;
import org.wattwatch.notifier.delivery.AlertView;

@RestController
@RequestMapping("/api/alerts")
class AlertsController {

    private final AlertBook book;

    AlertsController(AlertBook book) {
        this.book = book;
    }

    /** Recent alerts, newest first, each with its delivery status per channel. */
    @GetMapping
    List<AlertView> recent() {
        return book.recent();
    }
}
