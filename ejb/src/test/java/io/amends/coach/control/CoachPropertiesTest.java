package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the coach that must hold for any text, not only for the examples someone thought of.
 */
class CoachPropertiesTest {

    private final Coach coach = Coach.forLanguage("en");

    @Property(tries = 300)
    void findingsAlwaysPointAtTheirOwnTextInsideTheLetter(@ForAll("letters") String letter) {
        for (Finding f : coach.check(letter).findings()) {
            if (f.wholeLetter()) {
                assertThat(f.matchedText()).isEmpty();
            } else {
                assertThat(f.span().end()).isLessThanOrEqualTo(letter.length());
                assertThat(letter.substring(f.span().start(), f.span().end())).isEqualTo(f.matchedText());
            }
        }
    }

    @Property(tries = 300)
    void curlyAndStraightApostrophesGiveTheSameFindingsAtTheSamePlaces(@ForAll("letters") String letter) {
        Coaching straight = coach.check(letter.replace('\u2019', '\''));
        Coaching curly = coach.check(letter.replace('\'', '\u2019'));

        assertThat(curly.findings()).extracting(Finding::ruleId, Finding::span)
                .containsExactlyElementsOf(straight.findings().stream()
                        .map(f -> tuple(f.ruleId(), f.span())).toList());
    }

    /** Random mixes of phrases the rules care about, filler words and odd characters. */
    @Provide
    Arbitrary<String> letters() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.of("we will fix", "wasn't our fault", "sorry if", "the courier", "unfortunately",
                        "we got it wrong", "wrong", "by Friday", "12 December", "because", "you should have",
                        "as per", "I take responsibility", "we'll make sure", "Dec.", "2026-12-01", "policy"),
                Arbitraries.of(" ", "  ", "\n", "\n\n", ". ", "! ", "? ", ", ", "\u00A0", "\u2019", "'", "{", "."),
                Arbitraries.strings().ofMaxLength(12));
        return pieces.list().ofMaxSize(40).map(list -> String.join(" ", list));
    }
}
