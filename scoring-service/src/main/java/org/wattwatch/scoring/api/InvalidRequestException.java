package org.wattwatch.scoring.api;

import java.util.List;
import java.util.stream.Collectors;

import org.wattwatch.event.validation.Violation;

/** A request that parsed but breaks a rule; becomes a 400 problem listing every bad field. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidRequestException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = violations;
    }

    List<Violation> violations() {
        return violations;
    }
}
