package io.amends.fulfillment.discounts.control;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class CodesTest {

    /** A valid code with a 5 in it, so that the S-for-5 reading can be shown. */
    private static final String CODE = "AMD-5KQ4-XW9P-3HTR-2R";

    // --- the alphabet and the numbers ------------------------------------------------------------------------------

    @Test
    void theAlphabetHasNoCharactersThatAreReadAsOthers() {
        assertThat(Codes.ALPHABET).doesNotContain("0", "O", "1", "I", "L", "U", "S");
        assertThat(Codes.ALPHABET.chars().distinct().count()).isEqualTo(Codes.ALPHABET.length());
        assertThat(Codes.ALPHABET).matches("[2-9A-Z]+");
        assertThat(Codes.ALPHABET).isEqualTo("23456789ABCDEFGHJKMNPQRTVWXYZ");
    }

    @Test
    void theAlphabetSizeIsPrimeBecauseTheCheckSymbolArithmeticNeedsIt() {
        assertThat(BigInteger.valueOf(Codes.ALPHABET.length()).isProbablePrime(50)).isTrue();
        assertThat(Codes.SYMBOLS).isLessThan(Codes.ALPHABET.length()); // weights 1..14 must all differ mod 29
    }

    @Test
    void aCodeCarriesAtLeastSixtyBitsOfRandomness() {
        double bits = Codes.RANDOM_SYMBOLS * (Math.log(Codes.ALPHABET.length()) / Math.log(2));

        assertThat(bits).isGreaterThanOrEqualTo(60).isCloseTo(63.15, Offset.offset(0.01));
        assertThat(Codes.ENTROPY_BITS).isCloseTo(bits, Offset.offset(1e-9));
    }

    @Test
    void theTableCodeIsWellFormed() {
        assertThat(Codes.isWellFormed(CODE)).isTrue();
    }

    // --- normalization ---------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
            AMD-5KQ4-XW9P-3HTR-2R                | AMD-5KQ4-XW9P-3HTR-2R
            amd-5kq4-xw9p-3htr-2r                | AMD-5KQ4-XW9P-3HTR-2R
            AMD5KQ4XW9P3HTR2R                    | AMD-5KQ4-XW9P-3HTR-2R
            'AMD 5KQ4 XW9P 3HTR 2R'              | AMD-5KQ4-XW9P-3HTR-2R
            '  amd 5kq4-xw9p 3htr 2r  '          | AMD-5KQ4-XW9P-3HTR-2R
            AMD--5KQ4---XW9P-3HTR-2R-            | AMD-5KQ4-XW9P-3HTR-2R
            AMD-5KQ4X-W9P3H-TR2R                 | AMD-5KQ4-XW9P-3HTR-2R
            5KQ4-XW9P-3HTR-2R                    | AMD-5KQ4-XW9P-3HTR-2R
            5kq4xw9p3htr2r                       | AMD-5KQ4-XW9P-3HTR-2R
            AMD–5KQ4—XW9P‐3HTR−2R                | AMD-5KQ4-XW9P-3HTR-2R
            'AMD 5KQ4\u00a0XW9P 3HTR 2R'         | AMD-5KQ4-XW9P-3HTR-2R
            ＡＭＤ－５ＫＱ４－ＸＷ９Ｐ－３ＨＴＲ－２Ｒ | AMD-5KQ4-XW9P-3HTR-2R
            AMD-SKQ4-XW9P-3HTR-2R                | AMD-5KQ4-XW9P-3HTR-2R
            amd-skq4-xw9p-3htr-2r                | AMD-5KQ4-XW9P-3HTR-2R
            AMD-5KQ4-XW9P-3HTR-2T                | ''
            AMD-5KQ4-XW9P-3HTR-R2                | ''
            AMD-5KQ4-XW9P-3HTR                   | ''
            AMD-5KQ4-XW9P-3HTR-2R2               | ''
            AMX-5KQ4-XW9P-3HTR-2R                | ''
            AMD-5KQ4-XW9P-3HTR-2R-AMD            | ''
            AMD-5KQ4-XW9P-0HTR-2R                | ''
            AMD-5KQ4-XW9P-OHTR-2R                | ''
            AMD-5KQ4-XW9P-1HTR-2R                | ''
            AMD-5KQ4-XW9P-IHTR-2R                | ''
            AMD-5KQ4-XW9P-LHTR-2R                | ''
            AMD-5KQ4-XW9P-UHTR-2R                | ''
            AMD_5KQ4_XW9P_3HTR_2R                | ''
            AMD-5KQ4-XW9P-3HTR-2R!               | ''
            'AMD-5KQ4-XW9P-3HTR-2R; DROP TABLE'  | ''
            """)
    void normalizeAcceptsWhatPeopleTypeAndRefusesWhatCannotBeACode(String input, String expected) {
        String unescaped = input.replace("\\u00a0", "\u00a0");

        assertThat(Codes.normalize(unescaped)).isEqualTo(
                expected.isEmpty() ? Optional.empty() : Optional.of(expected));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", " - - ", "AMD"})
    void normalizeRefusesNothing(String input) {
        assertThat(Codes.normalize(input)).isEmpty();
    }

    @Test
    void normalizeRefusesVeryLongInputWithoutLookingAtIt() {
        assertThat(Codes.normalize(" ".repeat(10_000) + CODE)).isEmpty();
    }

    @Test
    void zeroWidthAndSoftHyphenCharactersFromCopiedTextAreIgnored() {
        assertThat(Codes.normalize("AMD\u200B-5KQ4\u00AD-XW9P-3HTR-2R\uFEFF")).contains(CODE);
    }

    @Test
    void isWellFormedAcceptsOnlyTheExactCanonicalForm() {
        assertThat(Codes.isWellFormed(CODE)).isTrue();
        assertThat(Codes.isWellFormed(CODE.toLowerCase())).isFalse();
        assertThat(Codes.isWellFormed(CODE.replace("-", ""))).isFalse();
        assertThat(Codes.isWellFormed("AMD-5KQ4X-W9P3H-TR2R")).isFalse();
        assertThat(Codes.isWellFormed(CODE.replace('5', 'S'))).isFalse();
        assertThat(Codes.isWellFormed(null)).isFalse();
        assertThat(Codes.isWellFormed("")).isFalse();
    }

    // --- the check symbol ------------------------------------------------------------------------------------------

    @Test
    void everyCodeBuiltWithItsCheckSymbolIsWellFormed() {
        qt().withExamples(2000).forAll(randomParts()).checkAssert(randomPart -> {
            String code = Codes.format(randomPart + Codes.checkSymbol(randomPart));

            assertThat(Codes.isWellFormed(code)).isTrue();
            assertThat(Codes.normalize(code)).contains(code);
        });
    }

    @Test
    void everySingleSymbolSubstitutionFailsTheCheck() {
        qt().withExamples(2000).forAll(randomParts()).checkAssert(randomPart -> {
            String symbols = randomPart + Codes.checkSymbol(randomPart);
            List<String> substitutions = new ArrayList<>();
            for (int position = 0; position < symbols.length(); position++) {
                for (char other : Codes.ALPHABET.toCharArray()) {
                    if (other != symbols.charAt(position)) {
                        substitutions.add(replaceAt(symbols, position, other));
                    }
                }
            }

            assertThat(substitutions).hasSize(Codes.SYMBOLS * (Codes.ALPHABET.length() - 1));
            assertThat(substitutions).allSatisfy(wrong -> {
                assertThat(Codes.isWellFormed(Codes.format(wrong))).as(wrong).isFalse();
                assertThat(Codes.normalize(wrong)).as(wrong).isEmpty();
            });
        });
    }

    @Test
    void everyAdjacentTranspositionFailsTheCheck() {
        qt().withExamples(2000).forAll(randomParts()).checkAssert(randomPart -> {
            String symbols = randomPart + Codes.checkSymbol(randomPart);
            for (int i = 0; i + 1 < symbols.length(); i++) {
                if (symbols.charAt(i) == symbols.charAt(i + 1)) {
                    continue; // swapping equal symbols changes nothing
                }
                String swapped = swap(symbols, i, i + 1);
                assertThat(Codes.isWellFormed(Codes.format(swapped))).as(swapped).isFalse();
                assertThat(Codes.normalize(swapped)).as(swapped).isEmpty();
            }
        });
    }

    @Test
    void everyTranspositionEvenOfDistantSymbolsFailsTheCheck() {
        qt().withExamples(1000).forAll(randomParts()).checkAssert(randomPart -> {
            String symbols = randomPart + Codes.checkSymbol(randomPart);
            for (int i = 0; i < symbols.length(); i++) {
                for (int j = i + 1; j < symbols.length(); j++) {
                    if (symbols.charAt(i) != symbols.charAt(j)) {
                        assertThat(Codes.isWellFormed(Codes.format(swap(symbols, i, j)))).isFalse();
                    }
                }
            }
        });
    }

    @Test
    void checkSymbolsAreExhaustivelyRightForEveryPairOfAdjacentSymbolsInEveryPosition() {
        // Independent of random sampling: every adjacent pair of distinct symbols, at every position, in one code.
        String base = "23456789ABCDE";
        for (int i = 0; i + 1 < Codes.SYMBOLS; i++) {
            for (char a : Codes.ALPHABET.toCharArray()) {
                for (char b : Codes.ALPHABET.toCharArray()) {
                    if (a == b) {
                        continue;
                    }
                    String symbols = withCheck(base, i, a, b);
                    assertThat(Codes.isWellFormed(Codes.format(swap(symbols, i, i + 1)))).isFalse();
                }
            }
        }
    }

    /** The random part of a code: {@value Codes#RANDOM_SYMBOLS} symbols, each any of the alphabet. */
    private static Gen<String> randomParts() {
        List<Character> symbols = Codes.ALPHABET.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(symbols)).ofSize(Codes.RANDOM_SYMBOLS)
                .map(chars -> chars.stream().map(String::valueOf).collect(joining()));
    }

    /**
     * The fourteen symbols of a valid code with {@code a b} at positions {@code i, i + 1}. When the pair ends in the
     * check symbol, the first symbol is chosen to make the check symbol {@code b}; one of the 29 always does.
     */
    private static String withCheck(String base, int i, char a, char b) {
        if (i + 1 < Codes.RANDOM_SYMBOLS) {
            String random = replaceAt(replaceAt(base, i, a), i + 1, b);
            return random + Codes.checkSymbol(random);
        }
        // The pair ends in the check symbol: choose the random part so that the check symbol is b.
        String random = replaceAt(base, i, a);
        for (char filler : Codes.ALPHABET.toCharArray()) {
            String candidate = replaceAt(random, 0, filler);
            if (Codes.checkSymbol(candidate) == b) {
                return candidate + b;
            }
        }
        throw new AssertionError("No first symbol makes the check symbol " + b);
    }

    private static String replaceAt(String s, int position, char c) {
        return s.substring(0, position) + c + s.substring(position + 1);
    }

    private static String swap(String s, int i, int j) {
        char[] chars = s.toCharArray();
        char t = chars[i];
        chars[i] = chars[j];
        chars[j] = t;
        return new String(chars);
    }
}
