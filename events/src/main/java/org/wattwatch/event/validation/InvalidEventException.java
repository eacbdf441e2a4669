package org.wattwatch.event.validation;

import java.util.List;
import java.util.stream.Collectors;

/** An event that parsed but breaks the contract; its message lists every violated field. */
public class InvalidEventException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidEventException(String eventType, List<Violation> violations) {
        super("invalid " + eventType + ": "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
