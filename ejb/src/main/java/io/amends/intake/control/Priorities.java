package io.amends.intake.control;

import io.amends.cases.entity.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * A helpdesk's priority as a case severity. Zendesk says low, normal, high, urgent; Freshdesk low, medium, high, urgent
 * (or 1 to 4 through its API); some say critical. No priority (or Zendesk's "-") is a medium case.
 */
public final class Priorities {

    public static final String KNOWN = "low, normal, medium, high, urgent, critical, or 1 to 4";

    private Priorities() {
    }

    /** The severity, or empty for a priority we do not know (better refused than guessed). */
    public static Optional<Severity> severityOf(String priority) {
        if (priority == null || priority.isBlank() || priority.strip().equals("-")) {
            return Optional.of(Severity.MEDIUM);
        }
        return switch (priority.strip().toLowerCase(Locale.ROOT)) {
            case "low", "1" -> Optional.of(Severity.LOW);
            case "normal", "medium", "2" -> Optional.of(Severity.MEDIUM);
            case "high", "3" -> Optional.of(Severity.HIGH);
            case "urgent", "critical", "4" -> Optional.of(Severity.CRITICAL);
            default -> Optional.empty();
        };
    }
}
