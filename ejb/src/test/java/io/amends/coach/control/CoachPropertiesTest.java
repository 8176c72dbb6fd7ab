package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Properties of the coach that must hold for any text, not only for the examples someone thought of.
 */
class CoachPropertiesTest {

    private final Coach coach = Coach.forLanguage("en");

    @Test
    void findingsAlwaysPointAtTheirOwnTextInsideTheLetter() {
        qt().withExamples(300).forAll(letters()).checkAssert(letter -> {
            for (Finding f : coach.check(letter).findings()) {
                if (f.wholeLetter()) {
                    assertThat(f.matchedText()).isEmpty();
                } else {
                    assertThat(f.span().end()).isLessThanOrEqualTo(letter.length());
                    assertThat(letter.substring(f.span().start(), f.span().end())).isEqualTo(f.matchedText());
                }
            }
        });
    }

    @Test
    void curlyAndStraightApostrophesGiveTheSameFindingsAtTheSamePlaces() {
        qt().withExamples(300).forAll(letters()).checkAssert(letter -> {
            Coaching straight = coach.check(letter.replace('\u2019', '\''));
            Coaching curly = coach.check(letter.replace('\'', '\u2019'));

            assertThat(curly.findings()).extracting(Finding::ruleId, Finding::span)
                    .containsExactlyElementsOf(straight.findings().stream()
                            .map(f -> tuple(f.ruleId(), f.span())).toList());
        });
    }

    /** Random mixes of phrases the rules care about, filler words and odd characters. */
    private static Gen<String> letters() {
        Gen<String> phrases = Generate.pick(List.of("we will fix", "wasn't our fault", "sorry if", "the courier",
                "unfortunately", "we got it wrong", "wrong", "by Friday", "12 December", "because", "you should have",
                "as per", "I take responsibility", "we'll make sure", "Dec.", "2026-12-01", "policy"));
        Gen<String> separators = Generate.pick(List.of(" ", "  ", "\n", "\n\n", ". ", "! ", "? ", ", ", "\u00A0",
                "\u2019", "'", "{", "."));
        Gen<String> randomText = lists().of(anyChar()).ofSizeBetween(0, 12).map(CoachPropertiesTest::string);
        Gen<String> pieces = Generate.frequency(List.of(
                Pair.of(1, phrases), Pair.of(1, separators), Pair.of(1, randomText)));
        return lists().of(pieces).ofSizeBetween(0, 40).map(list -> String.join(" ", list));
    }

    /**
     * Any UTF-16 char, lone surrogates included, but the noncharacters (U+FDD0 to U+FDEF, U+FFFE, U+FFFF) and the
     * private-use characters (U+E000 to U+F8FF); a quarter of them ASCII, so that random text also makes words.
     */
    private static Gen<Character> anyChar() {
        int belowPrivateUse = 0xE000;
        int beforeNoncharacters = 0xFDD0 - 0xF900;
        int afterNoncharacters = 0xFFFE - 0xFDF0;
        Gen<Character> unicode = integers().between(0, belowPrivateUse + beforeNoncharacters + afterNoncharacters - 1)
                .map(i -> {
                    if (i < belowPrivateUse) {
                        return (char) (int) i;
                    }
                    if (i < belowPrivateUse + beforeNoncharacters) {
                        return (char) (0xF900 + i - belowPrivateUse);
                    }
                    return (char) (0xFDF0 + i - belowPrivateUse - beforeNoncharacters);
                });
        Gen<Character> ascii = integers().between(0, 0x7F).map(i -> (char) (int) i);
        return Generate.frequency(List.of(Pair.of(3, unicode), Pair.of(1, ascii)));
    }

    private static String string(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }
}
