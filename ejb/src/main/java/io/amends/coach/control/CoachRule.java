package io.amends.coach.control;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One compiled rule from a language's rule file: what to look for and what to tell the writer when it fires.
 *
 * @param id          language-neutral id, unique within a rule book
 * @param category    rule family, e.g. {@code blame}
 * @param severity    severity of every finding this rule produces
 * @param kind        how matches turn into findings
 * @param triggers    the {@code match:} patterns
 * @param exceptions  the {@code except:} patterns; a trigger match inside a match of one of them does not count
 * @param dates       the {@code date:} patterns of a {@link Kind#PROMISE} rule, empty otherwise
 * @param explanation why this hurts the apology
 * @param suggestion  better wording
 */
public record CoachRule(String id, String category, FindingSeverity severity, Kind kind, List<Trigger> triggers,
                        List<Trigger> exceptions, List<Pattern> dates, String explanation, String suggestion) {

    /** How a rule's matches become findings; the rule file's {@code type:} value. */
    public enum Kind {
        /** Every match is a finding. */
        FLAG,
        /** One whole-letter finding when nothing matches anywhere. */
        ABSENCE,
        /** A match is a finding only when no date pattern occurs in its sentence. */
        PROMISE
    }

    /**
     * A compiled {@code match:} or {@code except:} pattern.
     *
     * @param source      the pattern as written in the rule file, for messages
     * @param regex       compiled, case-insensitive
     * @param anchorWords lower-case words one of which every match starts with, so the trigger is only tried where
     *                    they occur; empty if matches can start anywhere, which means scanning the whole letter
     */
    public record Trigger(String source, Pattern regex, Set<String> anchorWords) {
        public Trigger {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(regex, "regex");
            anchorWords = Set.copyOf(anchorWords);
        }
    }

    public CoachRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(suggestion, "suggestion");
        triggers = List.copyOf(triggers);
        exceptions = List.copyOf(exceptions);
        dates = List.copyOf(dates);
        if (triggers.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + " has no match pattern");
        }
        if ((kind == Kind.PROMISE) == dates.isEmpty()) {
            throw new IllegalArgumentException("Rule " + id + ": date patterns are required for promise rules"
                    + " and allowed only there");
        }
    }
}
