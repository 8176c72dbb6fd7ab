package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parsing of rule files: a usable rule book from valid text, a refusal naming the line from anything else.
 */
class RuleBookTest {

    private static final String VALID = """
            # a comment
            id: cold.unfortunately
            category: cold
            severity: warning
            match: unfortunately
            match: /\\bsadly\\b/
            explanation: Sounds like bad luck,
              not like your mistake.
            suggestion: Say what you did.

            id: promise.undated
            category: promise
            severity: INFO
            type: promise
            match: we will fix
            date: /\\bfriday\\b/
            explanation: Needs a date.
            suggestion: Add one.
            """;

    @Test
    void validRulesFileIsParsedIntoRulesInFileOrder() {
        RuleBook book = RuleBook.parse("xx", "rules_xx.txt", VALID);

        assertThat(book.language()).isEqualTo("xx");
        assertThat(book.rules()).extracting(CoachRule::id).containsExactly("cold.unfortunately", "promise.undated");
        CoachRule first = book.rules().get(0);
        assertThat(first.severity()).isEqualTo(FindingSeverity.WARNING);
        assertThat(first.kind()).isEqualTo(CoachRule.Kind.FLAG);
        assertThat(first.explanation()).isEqualTo("Sounds like bad luck, not like your mistake.");
        assertThat(first.triggers()).extracting(CoachRule.Trigger::anchorWords)
                .containsExactly(Set.of("unfortunately"), Set.of("sadly"));
        assertThat(book.rules().get(1).kind()).isEqualTo(CoachRule.Kind.PROMISE);
    }

    @Test
    void rulesFromTextWorkInACoachWithoutTheClasspath() {
        Coach coach = Coach.of(RuleBook.parse("xx", "rules_xx.txt", VALID));

        assertThat(coach.check("Sadly we will fix it. We will fix it on Friday.").findings())
                .extracting(Finding::ruleId, Finding::matchedText)
                .containsExactly(
                        tuple("cold.unfortunately", "Sadly"),
                        tuple("promise.undated", "we will fix"));
    }

    @Test
    void curlyApostropheInARulePhraseMatchesAStraightOneInTheLetter() {
        RuleBook book = RuleBook.parse("xx", "rules_xx.txt", """
                id: blame.not-our-fault
                category: blame
                severity: BLOCKING
                match: wasn\u2019t our fault
                explanation: x
                suggestion: y
                """);

        assertThat(Coach.of(book).check("It wasn't our fault.").ruleIds()).containsExactly("blame.not-our-fault");
    }

    @Test
    void shippedEnglishRulesLoadAndCoverEveryCategory() {
        RuleBook book = RuleBook.load("en").orElseThrow();

        assertThat(book.rules()).extracting(CoachRule::category).contains(
                "blame", "cold", "conditional", "responsibility", "why", "promise");
        assertThat(book.rules()).extracting(CoachRule::severity).contains(FindingSeverity.values());
    }

    @Test
    void shippedEnglishPatternsAreAllIndexedByFirstWordSoNothingIsScanned() {
        RuleBook book = RuleBook.load("en").orElseThrow();

        assertThat(book.rules()).flatExtracting(CoachRule::triggers)
                .filteredOn(t -> t.anchorWords().isEmpty()).extracting(CoachRule.Trigger::source).isEmpty();
        assertThat(book.rules()).flatExtracting(CoachRule::exceptions)
                .filteredOn(t -> t.anchorWords().isEmpty()).extracting(CoachRule.Trigger::source).isEmpty();
    }

    /** Only regexes whose first word is certain are indexed; anything else is scanned, which is slower but right. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', textBlock = """
            /\\bwe\\s+will/                          ; we
            /\\b(?:we|i)(?:\\s+will|'ll)\\s+fix/   ; i we
            /\\b(?:mixed\\s+up|lost)\\s+your/      ; lost mixed
            /\\bnot\\b/                              ; not
            /\\b(?:double-charged|billed)\\b/        ; billed double
            /we\\s+will/                               ; none
            /\\bcancell?ed/                            ; none
            /\\bwe(?:ll)?\\s/                        ; none
            /\\b(?:we|i)?\\s+will/                   ; none
            /\\bwe.will/                               ; none
            /\\b(?:we|i)(?:\\s+will|ll)/             ; none
            /\\b[wW]e\\s/                            ; none
            /\\bwe\\s|will/                          ; none
            """)
    void regexIsIndexedOnlyWhenItsFirstWordIsCertain(String regex, String expectedAnchors) {
        RuleBook book = RuleBook.parse("xx", "rules_xx.txt", """
                id: cold.sample
                category: cold
                severity: INFO
                match: %s
                explanation: x
                suggestion: y
                """.formatted(regex));

        Set<String> expected = expectedAnchors.equals("none") ? Set.of() : Set.of(expectedAnchors.split(" "));
        assertThat(book.rules().get(0).triggers().get(0).anchorWords()).isEqualTo(expected);
    }

    @Test
    void languageWithoutRulesFileIsEmpty() {
        assertThat(RuleBook.load("fr")).isEmpty();
        assertThat(RuleBook.load("not a tag")).isEmpty();
    }

    /** Each malformed file differs from a valid one in one place; the message must name that line. */
    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            severty: WARNING                | 4 | unknown key 'severty'
            severity: SEVERE                | 4 | 'SEVERE' is not a valid severity
            match: /we (will fix/           | 5 | invalid regular expression
            type: sometimes                 | 4 | 'sometimes' is not a valid type
            just some words                 | 4 | expected 'key: value'
            date: /\\bfriday\\b/            | 4 | 'date:' is only allowed in rules with 'type: promise'
            explanation:                    | 4 | key 'explanation' has no value
            "  continued"                   | 2 | an indented line continues only an explanation or suggestion
            """)
    void malformedRulesFileIsRefusedWithTheLineNumber(String badLine, int expectedLine, String expectedProblem) {
        String text = malformed(badLine);

        assertThatThrownBy(() -> RuleBook.parse("xx", "rules_xx.txt", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("rules_xx.txt line " + expectedLine + ": ")
                .hasMessageContaining(expectedProblem);
    }

    @Test
    void missingRequiredKeyIsReportedAtTheStartOfItsRule() {
        String text = """
                id: cold.ok
                category: cold
                severity: INFO
                match: fine
                explanation: x
                suggestion: y

                id: cold.broken
                category: cold
                match: broken
                explanation: x
                suggestion: y
                """;

        assertThatThrownBy(() -> RuleBook.parse("xx", "rules_xx.txt", text))
                .hasMessage("rules_xx.txt line 8: rule starting here has no 'severity:' line");
    }

    @Test
    void duplicateRuleIdIsRefused() {
        String rule = """
                id: cold.twice
                category: cold
                severity: INFO
                match: fine
                explanation: x
                suggestion: y
                """;

        assertThatThrownBy(() -> RuleBook.parse("xx", "rules_xx.txt", rule + "\n" + rule))
                .hasMessage("rules_xx.txt line 8: rule id 'cold.twice' is used twice");
    }

    @Test
    void promiseRuleWithoutDateIsRefused() {
        String text = """
                id: promise.undated
                category: promise
                severity: INFO
                type: promise
                match: we will
                explanation: x
                suggestion: y
                """;

        assertThatThrownBy(() -> RuleBook.parse("xx", "rules_xx.txt", text))
                .hasMessageStartingWith("rules_xx.txt line 1: ").hasMessageContaining("no 'date:' line");
    }

    @Test
    void fileWithoutRulesIsRefused() {
        assertThatThrownBy(() -> RuleBook.parse("xx", "rules_xx.txt", "# only a comment\n\n"))
                .hasMessageContaining("contains no rules");
    }

    @Test
    void phrasePatternsQuoteRegexCharacters() {
        RuleBook book = RuleBook.parse("xx", "rules_xx.txt", """
                id: cold.odd
                category: cold
                severity: INFO
                match: a.b (c)
                explanation: x
                suggestion: y
                """);

        Pattern phrase = book.rules().get(0).triggers().get(0).regex();
        assertThat(phrase.matcher("a.b (c)").find()).isTrue();
        assertThat(phrase.matcher("axb c").find()).isFalse();
    }

    /** A one-rule file whose fourth line (or the line given) is replaced by {@code badLine}. */
    private static String malformed(String badLine) {
        if (badLine.startsWith(" ")) {
            return "# starts with a continuation\n" + badLine + "\n";
        }
        String[] lines = {
            "id: cold.sample",
            "category: cold",
            "severity: WARNING",
            "REPLACED",
            "match: sample",
            "explanation: Why.",
            "suggestion: Better."
        };
        if (badLine.startsWith("match:")) {
            lines[3] = "type: flag";
            lines[4] = badLine;
        } else if (badLine.startsWith("severity:") || badLine.startsWith("severty:")) {
            lines[2] = "# severity replaced below";
            lines[3] = badLine;
        } else {
            lines[3] = badLine;
        }
        return String.join("\n", lines) + "\n";
    }
}
