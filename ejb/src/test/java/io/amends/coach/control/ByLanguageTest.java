package io.amends.coach.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ByLanguageTest {

    /** Files for English and German only; every lookup is recorded. */
    private final List<String> lookedUp = new ArrayList<>();
    private final ByLanguage<String> files = new ByLanguage<>(language -> {
        lookedUp.add(language);
        return language.equals("en") || language.equals("de") ? Optional.of("file " + language) : Optional.empty();
    }, "test_en.txt");

    @Test
    void eachLanguageIsLoadedOnce() {
        assertThat(files.get("de-AT")).isEqualTo("file de");
        assertThat(files.get("de")).isEqualTo("file de");
        assertThat(files.get("DE_ch")).isEqualTo("file de");

        assertThat(lookedUp).containsExactly("de");
    }

    @Test
    void aLanguageWithoutAFileIsLookedUpOnceAndThenServedByEnglish() {
        assertThat(files.get("pt-BR")).isEqualTo("file en");
        assertThat(files.get("pt")).isEqualTo("file en");
        assertThat(files.get("pt-PT")).isEqualTo("file en");

        assertThat(files.remembersNoFileFor("pt")).isTrue();
        assertThat(lookedUp).containsExactly("pt", "en");
    }

    @Test
    void unknownTagsCannotGrowTheRememberedMissesWithoutBound() {
        int tags = 3 * ByLanguage.REMEMBERED_MISSES;
        for (int i = 0; i < tags; i++) {
            assertThat(files.get(unknownTag(i))).isEqualTo("file en");
        }

        assertThat(files.rememberedMisses()).isEqualTo(ByLanguage.REMEMBERED_MISSES);
        assertThat(files.get("de")).as("a language with a file is still found").isEqualTo("file de");
        String remembered = unknownTag(0);
        String notKept = unknownTag(tags - 1);
        files.get(remembered);
        files.get(notKept);
        assertThat(lookedUp).as("the first misses are remembered").filteredOn(remembered::equals).hasSize(1);
        assertThat(lookedUp).as("later ones are looked up again").filteredOn(notKept::equals).hasSize(2);
    }

    private static String unknownTag(int i) {
        return "zz" + (char) ('a' + i % 26) + (char) ('a' + i / 26);
    }

    @Test
    void tagsThatAreNoLanguageAreNeitherLookedUpNorRemembered() {
        assertThat(files.get("../../etc/passwd")).isEqualTo("file en");
        assertThat(files.get(null)).isEqualTo("file en");

        assertThat(lookedUp).containsExactly("en");
        assertThat(files.rememberedMisses()).isZero();
    }

    @Test
    void withoutAnEnglishFileTheAnswerIsAClearError() {
        ByLanguage<String> none = new ByLanguage<>(language -> Optional.empty(), "test_en.txt");

        assertThatThrownBy(() -> none.get("fr")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test_en.txt");
    }
}
