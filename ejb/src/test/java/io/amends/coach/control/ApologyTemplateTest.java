package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drafting from templates: strict placeholders, and built-in templates that the coach lets through.
 */
class ApologyTemplateTest {

    private static final Map<String, String> CASE = Map.of(
            "contact", "Ms Novak",
            "issue", "You were charged twice for your March order",
            "reason", "a retry in our payment system sent the same charge a second time",
            "fix", "refund the second charge of EUR 49",
            "fixDate", "Friday 12 December",
            "sender", "Jan Berger, Account Manager");

    private final Coach coach = Coach.forLanguage("en");

    @Test
    void thereAreSeveralBuiltInEnglishTemplates() {
        assertThat(ApologyTemplate.builtIn("en")).containsOnlyKeys("standard", "let-you-down", "short");
        assertThat(ApologyTemplate.builtIn("en").values())
                .allSatisfy(t -> assertThat(t.placeholders()).containsExactlyInAnyOrderElementsOf(
                        ApologyTemplate.PLACEHOLDERS));
    }

    @Test
    void everyBuiltInTemplateFilledWithCaseDataPassesTheCoachWithoutAnyFinding() {
        assertThat(ApologyTemplate.builtIn("en").values()).allSatisfy(template -> {
            String letter = template.fill(CASE);
            Coaching coaching = coach.check(letter);
            assertThat(coaching.findings()).as("findings for template %s:%n%s", template.name(), letter).isEmpty();
        });
    }

    /** Other dates, issues and reasons an account manager might enter must not make a template blocking. */
    @ParameterizedTest(name = "{0}: by {4}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            standard     | Your parcel arrived a week late       | we sent it to your old address      | send a replacement       | 2026-12-01
            standard     | Your service was down for two days    | a configuration change went wrong   | credit one month's fee  | Monday
            let-you-down | Your invoice showed the wrong VAT     | our template used last year's rate  | send a corrected invoice | 3 March
            let-you-down | You had to call us four times         | your case was not assigned to anyone | call you               | tomorrow
            short        | Your order was incomplete             | a packing step was skipped          | ship the missing items  | 15/12/2026
            short        | Your account was locked               | our fraud check misread a payment   | unlock it               | 5 pm today
            """)
    void builtInTemplatesStayFreeOfBlockingFindingsForOtherCaseData(String name, String issue, String reason,
                                                                     String fix, String fixDate) {
        Map<String, String> values = new HashMap<>(CASE);
        values.putAll(Map.of("issue", issue, "reason", reason, "fix", fix, "fixDate", fixDate));

        String letter = ApologyTemplate.builtIn("en").get(name).fill(values);
        Coaching coaching = coach.check(letter);

        assertThat(coaching.hasBlocking()).as("blocking in:%n%s%n%s", letter, coaching.findings()).isFalse();
        assertThat(coaching.ruleIds()).as(letter).doesNotContain("promise.undated", "why.missing");
    }

    @Test
    void unknownLanguageGetsTheEnglishTemplates() {
        assertThat(ApologyTemplate.builtIn("fr")).isSameAs(ApologyTemplate.builtIn("en"));
    }

    @Test
    void fillReplacesEveryPlaceholderAndStripsValues() {
        ApologyTemplate template = new ApologyTemplate("tiny", "Dear {contact}, sorry. {sender}");

        assertThat(template.fill(Map.of("contact", "  Tom ", "sender", "Ana"))).isEqualTo("Dear Tom, sorry. Ana");
    }

    @Test
    void valuesAreInsertedLiterallyEvenWhenTheyLookLikePlaceholders() {
        ApologyTemplate template = new ApologyTemplate("tiny", "Dear {contact}: {issue}");

        assertThat(template.fill(Map.of("contact", "{sender} $1 \\", "issue", "x")))
                .isEqualTo("Dear {sender} $1 \\: x");
    }

    @Test
    void missingValuesAreRefusedNamingEachPlaceholder() {
        ApologyTemplate template = ApologyTemplate.builtIn("en").get("short");
        Map<String, String> values = new HashMap<>(CASE);
        values.remove("fixDate");
        values.put("sender", "   ");

        assertThatThrownBy(() -> template.fill(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Template 'short' needs a value for [{fixDate}, {sender}]");
    }

    @Test
    void unknownValueKeyIsRefusedSoTyposDoNotGoUnnoticed() {
        Map<String, String> values = new HashMap<>(CASE);
        values.put("fixdate", "Friday");

        assertThatThrownBy(() -> ApologyTemplate.builtIn("en").get("standard").fill(values))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Unknown placeholder value(s) [{fixdate}]")
                .hasMessageContaining("{fixDate}");
    }

    @Test
    void templateWithUnknownPlaceholderIsRefused() {
        assertThatThrownBy(() -> new ApologyTemplate("bad", "Dear {name}, {contact}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown placeholder(s) [{name}]");
    }

    @Test
    void templateWithStrayBraceIsRefused() {
        assertThatThrownBy(() -> new ApologyTemplate("bad", "Dear {contact"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stray");
    }

    @Test
    void malformedTemplateFileIsRefusedWithTheLineNumber() {
        String text = """
                # fine
                [one]
                Dear {contact}

                [two]
                Dear {customer}
                """;

        assertThatThrownBy(() -> ApologyTemplate.parse("templates_xx.txt", text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("templates_xx.txt line 5: ")
                .hasMessageContaining("{customer}");
        assertThatThrownBy(() -> ApologyTemplate.parse("templates_xx.txt", "Dear {contact}\n[one]\nx"))
                .hasMessageStartingWith("templates_xx.txt line 1: ");
        assertThatThrownBy(() -> ApologyTemplate.parse("templates_xx.txt", "[one]\nx\n[one]\ny"))
                .hasMessage("templates_xx.txt line 3: template 'one' is defined twice");
    }

    @Test
    void hashLinesInsideATemplateAreText() {
        String file = "# comment\n[one]\n\n# 1 of 2\n{sender}\n\n";

        ApologyTemplate template = ApologyTemplate.parse("templates_xx.txt", file).get("one");

        assertThat(template.text()).isEqualTo("# 1 of 2\n{sender}");
    }
}
