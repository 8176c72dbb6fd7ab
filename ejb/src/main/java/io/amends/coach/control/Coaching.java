package io.amends.coach.control;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The coach's verdict on one letter: every finding in letter order, whole-letter findings last.
 *
 * @param language the rule book actually used, which is "en" when the requested language has none
 * @param findings immutable, positional findings sorted by start offset, then whole-letter findings
 */
public record Coaching(String language, List<Finding> findings) {

    public Coaching {
        Objects.requireNonNull(language, "language");
        findings = List.copyOf(findings);
    }

    /** True if the letter must not be sent as written. The caller enforces that; the coach only reports it. */
    public boolean hasBlocking() {
        return findings.stream().anyMatch(f -> f.severity() == FindingSeverity.BLOCKING);
    }

    /** True if the coach has nothing at all to say. */
    public boolean isClean() {
        return findings.isEmpty();
    }

    /** Ids of the rules that fired, in finding order, each once. */
    public Set<String> ruleIds() {
        return findings.stream().map(Finding::ruleId)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The findings that must be fixed before sending. */
    public List<Finding> blocking() {
        return findings.stream().filter(f -> f.severity() == FindingSeverity.BLOCKING).toList();
    }
}
