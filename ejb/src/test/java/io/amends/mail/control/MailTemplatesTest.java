package io.amends.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

    private static final Set<String> CLIENT = Set.of("contactName", "caseKey", "caseTitle", "accountName", "portalLink");
    private static final Set<String> STAFF = Set.of("recipientName", "caseKey", "caseTitle", "accountName", "amendsLink");

    /** The values Notifications gives each template, beyond the common ones. */
    private static final Map<String, Set<String>> PROVIDED = Map.of(
            "apology", union(CLIENT, "letter"),
            "commitment_progress", union(CLIENT, "commitment", "dueDate", "note"),
            "resolution_request", CLIENT,
            "gift_shipped", union(CLIENT, "gift", "detail"),
            "staff_message", union(CLIENT, "author", "message"),
            "client_message", union(STAFF, "author", "message"),
            "new_complaint", union(STAFF, "author", "description", "severity", "firstContactDue"),
            "resolution_disputed", union(STAFF, "author", "reason"),
            "sla_escalation", union(STAFF, "deadline", "dueAt", "owner"));

    private static Set<String> union(Set<String> base, String... more) {
        return Stream.concat(base.stream(), Stream.of(more)).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void everyTemplateFileUsesOnlyTheValuesItsMailProvides() throws IOException, URISyntaxException {
        Path folder = Path.of(MailTemplatesTest.class.getClassLoader().getResource(MailTemplates.FOLDER).toURI());
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.toString().endsWith(".txt")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(PROVIDED.size());
        for (Path file : files) {
            String name = file.getFileName().toString().replaceAll("_[a-z]{2}(-[A-Z]{2})?\\.txt$", "");
            String language = file.getFileName().toString().replaceAll("^.*_([a-z]{2}(-[A-Z]{2})?)\\.txt$", "$1");
            assertThat(PROVIDED).as("a mail kind for " + file.getFileName()).containsKey(name);
            MailTemplate template = MailTemplates.get(name, language);
            assertThat(template.language()).isEqualTo(language);
            assertThat(PROVIDED.get(name)).as(file.getFileName().toString()).containsAll(template.placeholders());
            Map<String, String> values = new HashMap<>();
            PROVIDED.get(name).forEach(k -> values.put(k, "<" + k + ">"));
            MailTemplate.Filled filled = template.fill(values);
            assertThat(filled.subject()).doesNotContain("{").doesNotContain("\n");
            assertThat(filled.body()).doesNotContain("{");
        }
    }

    @Test
    void everyMailKindHasAnEnglishTemplate() {
        PROVIDED.keySet().forEach(name -> assertThat(MailTemplates.get(name, "en").language()).isEqualTo("en"));
    }

    @Test
    void aLanguageFallsBackToItsBaseLanguageAndThenToEnglish() {
        assertThat(MailTemplates.candidates("de-CH")).containsExactly("de-CH", "de", "en");
        assertThat(MailTemplates.candidates("fr")).containsExactly("fr", "en");
        assertThat(MailTemplates.candidates(null)).containsExactly("en");
        assertThat(MailTemplates.candidates("../../etc")).containsExactly("en");
        assertThat(MailTemplates.get("apology", "de-CH").language()).isEqualTo("de");
        assertThat(MailTemplates.get("apology", "fr").language()).isEqualTo("en");
        assertThat(MailTemplates.get("sla_escalation", "de").language()).isEqualTo("en");
    }

    @Test
    void aMissingValueIsRefusedRatherThanMailedAsAPlaceholder() {
        MailTemplate template = MailTemplate.parse("t", "en", "Subject: Hello {name}\n\nDear {name}, {what}\n", "t_en.txt");
        assertThat(template.placeholders()).containsExactly("name", "what");
        assertThatThrownBy(() -> template.fill(Map.of("name", "Erika"))).hasMessageContaining("{what}");
        assertThat(template.fill(Map.of("name", "Erika", "what", "$1 \\ {x}")).body()).isEqualTo("Dear Erika, $1 \\ {x}\n");
    }

    @Test
    void aValueCannotAddALineToTheSubject() {
        MailTemplate template = MailTemplate.parse("t", "en", "Subject: About {title}\n\nBody\n", "t_en.txt");
        assertThat(template.fill(Map.of("title", "x\r\nBcc: someone@evil.example")).subject())
                .isEqualTo("About x Bcc: someone@evil.example");
    }

    @Test
    void aMalformedFileIsRefusedWithItsName() {
        assertThatThrownBy(() -> MailTemplate.parse("t", "en", "Hello\n\nBody", "t_en.txt")).hasMessageContaining("t_en.txt")
                .hasMessageContaining("Subject");
        assertThatThrownBy(() -> MailTemplate.parse("t", "en", "Subject: x\nBody", "t_en.txt")).hasMessageContaining("empty line");
        assertThatThrownBy(() -> MailTemplate.parse("t", "en", "Subject: x\n\n  \n", "t_en.txt")).hasMessageContaining("body");
    }
}
