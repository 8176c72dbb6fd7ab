package io.amends.coach.control;

import java.util.Objects;

/**
 * One thing the coach noticed in a letter, with the reason it hurts the apology and a better way to say it.
 *
 * @param ruleId      language-neutral id of the rule that fired, e.g. {@code blame.third-party}
 * @param category    rule family, e.g. {@code blame}, {@code cold}, {@code why}
 * @param severity    how much it matters; {@link FindingSeverity#BLOCKING} stops the send
 * @param matchedText the letter's own text at {@code span}, exactly as written; empty for whole-letter findings
 * @param span        where in the letter, or {@code null} for whole-letter findings such as "never says why"
 * @param explanation why this weakens the apology, written for the letter's author
 * @param suggestion  better wording
 */
public record Finding(String ruleId, String category, FindingSeverity severity, String matchedText, Span span,
                      String explanation, String suggestion) {

    /**
     * Half-open range {@code [start, end)} in the letter as passed to {@link Coach#check(String)}, counted in UTF-16
     * chars like {@link String#substring(int, int)} (and JavaScript), so a UI can highlight it directly.
     */
    public record Span(int start, int end) {
        public Span {
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("Invalid span [" + start + ", " + end + ")");
            }
        }
    }

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(matchedText, "matchedText");
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(suggestion, "suggestion");
    }

    /** True for findings about the letter as a whole (something missing), which have no span. */
    public boolean wholeLetter() {
        return span == null;
    }
}
