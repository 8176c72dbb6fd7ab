package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Behaviour of the coach beyond the example tables: positions, tolerance of typography, languages, speed.
 */
class CoachTest {

    private static final String GOOD_LETTER = """
            Dear Ms Novak,

            We failed you. You were charged twice for your March order because our payment system retried a \
            request that had already gone through. That is our mistake, and I take responsibility for it.

            We will refund the second charge of EUR 49 by Friday 12 December, and I will write to you when it is done.

            Jan Berger
            """;

    private final Coach coach = Coach.forLanguage("en");

    @Test
    void blameOnTheCourierIsFlagged() {
        Coaching coaching = coach.check("The courier lost your parcel.");

        assertThat(coaching.findings()).filteredOn(f -> !f.wholeLetter()).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("blame.third-party");
            assertThat(f.category()).isEqualTo("blame");
            assertThat(f.severity()).isEqualTo(FindingSeverity.WARNING);
            assertThat(f.matchedText()).isEqualTo("The courier");
        });
    }

    @Test
    void coldWordAndCourierBlameAreBothFlaggedInLetterOrder() {
        Coaching coaching = coach.check("Unfortunately our courier lost it.");

        assertThat(coaching.findings()).filteredOn(f -> !f.wholeLetter())
                .extracting(Finding::ruleId, Finding::matchedText)
                .containsExactly(
                        tuple("cold.unfortunately", "Unfortunately"),
                        tuple("blame.third-party", "our courier"));
    }

    @Test
    void ownedMistakeWithReasonAndDatedPromiseIsClean() {
        Coaching coaching = coach.check(GOOD_LETTER);

        assertThat(coaching.findings()).isEmpty();
        assertThat(coaching.isClean()).isTrue();
        assertThat(coaching.hasBlocking()).isFalse();
        assertThat(coaching.language()).isEqualTo("en");
    }

    @Test
    void findingSpanPointsAtTheMatchedTextInTheOriginalLetter() {
        String letter = "Dear Tom,\n\nI am so sorry. It was not our fault, though.";

        Finding finding = coach.check(letter).findings().stream()
                .filter(f -> f.ruleId().equals("blame.not-our-fault")).findFirst().orElseThrow();

        assertThat(finding.span()).isEqualTo(new Finding.Span(letter.indexOf("not our"), letter.indexOf(", though")));
        assertThat(letter.substring(finding.span().start(), finding.span().end())).isEqualTo(finding.matchedText());
    }

    @Test
    void curlyApostrophesMatchLikeStraightOnesAndTheOriginalTextIsReported() {
        Coaching coaching = coach.check("It wasn\u2019t our fault, and you should\u2019ve checked.");

        assertThat(coaching.findings()).filteredOn(f -> !f.wholeLetter())
                .extracting(Finding::ruleId, Finding::matchedText)
                .containsExactly(
                        tuple("blame.not-our-fault", "wasn\u2019t our fault"),
                        tuple("blame.customer", "you should\u2019ve"));
    }

    @Test
    void extraWhitespaceLineBreaksAndNonBreakingSpacesInsideAPhraseAreTolerated() {
        Coaching coaching = coach.check("This is   not our\n   fault, and as\u00A0per our terms we owe nothing.");

        assertThat(coaching.ruleIds()).contains("blame.not-our-fault", "cold.legalese");
    }

    @Test
    void matchingIgnoresCase() {
        assertThat(coach.check("NOT OUR FAULT").ruleIds()).contains("blame.not-our-fault");
        assertThat(coach.check("Not Our Fault").ruleIds()).contains("blame.not-our-fault");
    }

    @Test
    void phrasesMatchWholeWordsOnly() {
        // "wrongful" is not "wrong", and "asapho" is not "asap".
        assertThat(coach.check("A wrongful charge. Asaphos.").ruleIds())
                .doesNotContain("cold.wrong", "promise.vague");
    }

    @Test
    void overlappingMatchesOfOneRuleAreReportedOnce() {
        // "sorry if" and "if you were offended" overlap; one finding, starting at the earliest of them.
        Coaching coaching = coach.check("We are sorry if you were offended.");

        assertThat(coaching.findings()).filteredOn(f -> f.ruleId().equals("conditional.if"))
                .singleElement().extracting(Finding::matchedText).isEqualTo("sorry if");
    }

    @Test
    void everyOccurrenceIsAFinding() {
        Coaching coaching = coach.check("Unfortunately it broke. Unfortunately it broke again.");

        assertThat(coaching.findings()).filteredOn(f -> f.ruleId().equals("cold.unfortunately")).hasSize(2);
    }

    @Test
    void letterWithoutResponsibilityOrReasonGetsWholeLetterFindingsWithoutSpan() {
        Coaching coaching = coach.check("Dear Tom, I am sorry. Best, Ana");

        assertThat(coaching.findings()).extracting(Finding::ruleId)
                .containsExactly("responsibility.missing", "why.missing");
        assertThat(coaching.findings()).allSatisfy(f -> {
            assertThat(f.wholeLetter()).isTrue();
            assertThat(f.span()).isNull();
            assertThat(f.matchedText()).isEmpty();
        });
        assertThat(coaching.hasBlocking()).isTrue();
        assertThat(coaching.blocking()).extracting(Finding::ruleId).containsExactly("responsibility.missing");
    }

    @Test
    void emptyLetterLacksResponsibilityAndReason() {
        assertThat(coach.check("").ruleIds()).containsExactly("responsibility.missing", "why.missing");
    }

    @Test
    void wholeLetterFindingsComeAfterPositionalOnes() {
        List<Finding> findings = coach.check("Unfortunately it is late. We will fix it.").findings();

        assertThat(findings).extracting(Finding::ruleId).containsExactly(
                "cold.unfortunately", "promise.undated", "responsibility.missing", "why.missing");
    }

    @Test
    void promiseWithDateInTheSameSentenceIsAccepted() {
        assertThat(coach.check("We will fix the invoice by 12 December.").ruleIds()).doesNotContain("promise.undated");
        assertThat(coach.check("By Friday, we will fix the invoice.").ruleIds()).doesNotContain("promise.undated");
    }

    @Test
    void promiseWithTheDateInAnotherSentenceIsFlagged() {
        Coaching coaching = coach.check("We will fix the invoice. Expect it by 12 December.");

        assertThat(coaching.findings()).filteredOn(f -> f.ruleId().equals("promise.undated"))
                .singleElement().extracting(Finding::matchedText).isEqualTo("We will fix");
    }

    @Test
    void abbreviatedMonthWithPeriodStaysInTheSentenceOfItsPromise() {
        assertThat(coach.check("We will refund you by Dec. 12 at the latest.").ruleIds())
                .doesNotContain("promise.undated");
    }

    @Test
    void dateInTheParagraphAfterAPromiseDoesNotCount() {
        assertThat(coach.check("We will fix it\n\nFriday is a public holiday").ruleIds()).contains("promise.undated");
    }

    @Test
    void blockingFindingsAreExposedButTheCoachDoesNotRefuseToCheck() {
        Coaching coaching = coach.check(GOOD_LETTER + "\nPS: This was not our fault.");

        assertThat(coaching.hasBlocking()).isTrue();
        assertThat(coaching.blocking()).extracting(Finding::ruleId).containsExactly("blame.not-our-fault");
    }

    @Test
    void everyFindingExplainsWhyAndSuggestsBetterWording() {
        Coaching coaching = coach.check("Unfortunately, as per our policy, this was not our fault; sorry if you "
                + "feel otherwise. The courier will fix it as soon as possible and you should have asked.");

        assertThat(coaching.findings()).hasSizeGreaterThan(5).allSatisfy(f -> {
            assertThat(f.explanation()).hasSizeGreaterThan(40);
            assertThat(f.suggestion()).hasSizeGreaterThan(20);
        });
    }

    @Test
    void unknownLanguageFallsBackToEnglish() {
        assertThat(Coach.forLanguage("fr").language()).isEqualTo("en");
        assertThat(Coach.forLanguage(null).language()).isEqualTo("en");
        assertThat(Coach.forLanguage("../../etc/passwd").language()).isEqualTo("en");
        assertThat(Coach.forLanguage("fr").check("Unfortunately.").ruleIds()).contains("cold.unfortunately");
    }

    @Test
    void regionAndCaseOfTheLanguageTagAreIgnored() {
        assertThat(Coach.forLanguage("EN-gb").language()).isEqualTo("en");
        assertThat(Coach.forLanguage("en_US")).isSameAs(Coach.forLanguage("en"));
    }

    @Test
    void secondLanguageFileIsPickedUpWithoutCodeChanges() {
        // rules_de.txt exists only under src/test/resources; nothing in the code knows German.
        Coach german = Coach.forLanguage("de-AT");

        assertThat(german.language()).isEqualTo("de");
        assertThat(german.check("Leider war das nicht unsere Schuld.").ruleIds())
                .containsExactly("cold.unfortunately", "blame.not-our-fault", "responsibility.missing");
        assertThat(german.check("Das war unser Fehler, es tut mir leid. Wir werden den Betrag bis 12. Dezember "
                + "erstatten.").isClean()).isTrue();
        assertThat(german.check("WIR ÜBERNEHMEN DIE VERANTWORTUNG.").isClean()).isTrue();
    }

    @Test
    void nullLetterIsRefused() {
        assertThatThrownBy(() -> coach.check(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void aTwentyKilobyteLetterIsCheckedAsThoroughlyAsOneParagraph() {
        // Speed is measured by the JMH benchmark (docs/performance.md); here: a long letter loses no finding.
        String paragraph = "Dear Ms Novak, unfortunately our courier lost your parcel, and as per our policy we "
                + "regret any inconvenience. We failed you because our system sent it to an old address. We will "
                + "send a new one by Friday 12 December. I am sorry if you were upset; that was our mistake. ";
        int copies = 20_000 / paragraph.length() + 1;
        String letter = paragraph.repeat(copies);
        long perParagraph = coach.check(paragraph).findings().stream().filter(f -> !f.wholeLetter()).count();
        Coaching coaching = coach.check(letter);
        assertThat(perParagraph).isPositive();
        assertThat(coaching.findings().stream().filter(f -> !f.wholeLetter()).count()).isEqualTo(perParagraph * copies);
        assertThat(coaching.findings()).filteredOn(f -> !f.wholeLetter())
                .allSatisfy(f -> assertThat(letter.substring(f.span().start(), f.span().end())).isEqualTo(f.matchedText()));
    }
}
