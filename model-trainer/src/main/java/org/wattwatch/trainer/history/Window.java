package org.wattwatch.trainer.history;

import java.time.LocalDateTime;

/** Energy over one detection window starting at a local time. */
public record Window(LocalDateTime start, double wh) {
}
