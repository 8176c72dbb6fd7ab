package io.amends.fulfillment.discounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CodeGeneratorTest {

    private final CodeGenerator generator = new CodeGenerator();

    @Test
    void generatedCodesAreWellFormedAndInCanonicalForm() {
        for (int i = 0; i < 10_000; i++) {
            String code = generator.next();
            assertThat(Codes.isWellFormed(code)).as(code).isTrue();
            assertThat(Codes.normalize(code)).as(code).contains(code);
            assertThat(code).matches("AMD-[" + Codes.ALPHABET + "]{4}-[" + Codes.ALPHABET + "]{4}-["
                    + Codes.ALPHABET + "]{4}-[" + Codes.ALPHABET + "]{2}");
        }
    }

    @Test
    void aHundredThousandGeneratedCodesAreAllDifferent() {
        Set<String> codes = new HashSet<>();
        IntStream.range(0, 100_000).forEach(i -> codes.add(generator.next()));

        assertThat(codes).hasSize(100_000);
    }

    @Test
    void everySymbolOfTheAlphabetTurnsUpInEveryRandomPosition() {
        // A cheap guard against a generator that draws from part of the alphabet (e.g. an off-by-one bound).
        boolean[][] seen = new boolean[Codes.RANDOM_SYMBOLS][Codes.ALPHABET.length()];
        for (int i = 0; i < 5_000; i++) {
            String symbols = generator.next().substring(Codes.PREFIX.length()).replace("-", "");
            for (int p = 0; p < Codes.RANDOM_SYMBOLS; p++) {
                seen[p][Codes.ALPHABET.indexOf(symbols.charAt(p))] = true;
            }
        }

        for (boolean[] position : seen) {
            for (boolean symbolSeen : position) {
                assertThat(symbolSeen).isTrue();
            }
        }
    }
}
