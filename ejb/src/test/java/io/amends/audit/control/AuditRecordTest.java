package io.amends.audit.control;

import static io.amends.audit.control.AuditFixtures.COMPONENTS;
import static io.amends.audit.control.AuditFixtures.GOLDEN;
import static io.amends.audit.control.AuditFixtures.altered;
import static io.amends.audit.control.AuditFixtures.record;
import static io.amends.audit.control.AuditFixtures.withComponent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class AuditRecordTest {

    @Test
    void canonicalFormIsPinnedBecauseEveryStoredHashDependsOnIt() {
        assertThat(GOLDEN.canonicalForm()).isEqualTo("""
                amends-audit-v1
                sequence:7
                recordedAt:2026-11-25T09:30:00.123456Z
                actor:5:alice
                actorRole:15:ACCOUNT_MANAGER
                action:21:COMPENSATION_APPROVED
                caseKey:12:AC-2026-0042
                accountId:1001
                amountMinor:2500
                currency:3:EUR
                ltvInForceMinor:180000
                spend12mMinor:12000
                spendLtvRatioBp:667
                policyVerdict:13:WITHIN_POLICY
                details:56:Voucher for the late delivery.
                Customer: "thank you" ✓
                """);
    }

    @Test
    void nullAndEmptyTextHaveDifferentCanonicalForms() {
        AuditRecord withNull = withComponent(record(1, "d"), 5, null);
        AuditRecord withEmpty = withComponent(record(1, "d"), 5, "");

        assertThat(withNull.canonicalForm()).contains("\ncaseKey:~\n");
        assertThat(withEmpty.canonicalForm()).contains("\ncaseKey:0:\n");
        assertThat(withNull.canonicalForm()).isNotEqualTo(withEmpty.canonicalForm());
    }

    @Test
    void movingCharactersAcrossAFieldBoundaryChangesTheCanonicalForm() {
        AuditRecord abThenC = withComponent(withComponent(record(1, "d"), 2, "ab"), 3, "c");
        AuditRecord aThenBc = withComponent(withComponent(record(1, "d"), 2, "a"), 3, "bc");

        assertThat(abThenC.canonicalForm()).isNotEqualTo(aThenBc.canonicalForm());
    }

    @Test
    void textThatLooksLikeTheFormatCannotForgeFields() {
        AuditRecord honest = withComponent(record(1, "x"), 12, "WITHIN_POLICY");
        AuditRecord sneaky = withComponent(record(1, "x\npolicyVerdict:13:WITHIN_POLICY"), 12, null);

        assertThat(CanonicalFormParser.parse(sneaky.canonicalForm())).isEqualTo(sneaky);
        assertThat(sneaky.canonicalForm()).isNotEqualTo(honest.canonicalForm());
    }

    @Test
    void recordedAtIsTruncatedToMicrosecondsBecauseThatIsWhatTheDatabaseGivesBack() {
        AuditRecord r = withComponent(record(1, "d"), 1, Instant.parse("2026-03-04T05:06:07.999999999Z"));

        assertThat(r.recordedAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07.999999Z"));
        assertThat(r.canonicalForm()).contains("\nrecordedAt:2026-03-04T05:06:07.999999Z\n");
        assertThat(r).isEqualTo(withComponent(r, 1, r.recordedAt().plusNanos(999)));
    }

    @Test
    void theTimeIsWrittenAsTheFormatterWritesItInEveryYear() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
        long from = Instant.parse("-0100-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("+12000-12-31T23:59:59Z").getEpochSecond();
        qt().withExamples(20_000).forAll(longs().between(from, to), integers().between(0, 999_999))
                .checkAssert((seconds, micros) -> assertTimeWrittenAsFormatter(formatter, Instant.ofEpochSecond(seconds, micros * 1_000L)));
        for (String edge : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "+10000-01-01T00:00:00Z",
                "-0001-12-31T23:59:59.000001Z", "1970-01-01T00:00:00Z", "2024-02-29T12:00:00.000010Z"}) {
            assertTimeWrittenAsFormatter(formatter, Instant.parse(edge));
        }
    }

    private static void assertTimeWrittenAsFormatter(DateTimeFormatter formatter, Instant at) {
        StringBuilder written = new StringBuilder();
        AuditRecord.appendMicrosUtc(written, at);
        assertThat(written.toString()).isEqualTo(formatter.format(at));
    }

    @Test
    void wholeSecondsStillGetSixFractionDigits() {
        AuditRecord r = withComponent(record(1, "d"), 1, Instant.parse("2026-03-04T05:06:07Z"));

        assertThat(r.canonicalForm()).contains("\nrecordedAt:2026-03-04T05:06:07.000000Z\n");
    }

    @Test
    void textLengthsCountUtf8Bytes() {
        // é: 2 bytes, 証: 3 bytes, 🧾: 4 bytes (two UTF-16 chars)
        AuditRecord r = record(1, "é証🧾");

        assertThat(r.canonicalForm()).endsWith("\ndetails:9:é証🧾\n");
    }

    @Test
    void unpairedSurrogatesAreReplacedBecauseUtf8CannotCarryThem() {
        AuditRecord lone = record(1, "a\uD83Db");
        AuditRecord question = record(1, "a?b");

        assertThat(lone.details()).isEqualTo("a\uFFFDb");
        assertThat(lone.canonicalForm()).isNotEqualTo(question.canonicalForm());
        assertThat(record(1, "🧾").details()).isEqualTo("🧾");
    }

    @Test
    void currencyMustBeThreeCapitalLettersBecauseTheColumnPadsShorterValues() {
        assertThatThrownBy(() -> withComponent(record(1, "d"), 8, "EU"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> withComponent(record(1, "d"), 8, "eur"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(withComponent(record(1, "d"), 8, "EUR").currency()).isEqualTo("EUR");
    }

    @Test
    void sequenceNumbersStartAtOne() {
        assertThatThrownBy(() -> record(0, "d")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyComponentIsPartOfTheCanonicalForm() {
        AuditRecord r = GOLDEN;
        for (int i = 0; i < COMPONENTS.length; i++) {
            for (int variant = 0; variant < 3; variant++) {
                AuditRecord changed = withComponent(r, i, altered(r, i, variant));
                assertThat(changed.canonicalForm())
                        .as("changing %s (variant %d)", COMPONENTS[i].getName(), variant)
                        .isNotEqualTo(r.canonicalForm());
            }
        }
    }

    @Test
    void theCanonicalFormReadsBackAsTheSameRecord() {
        qt().withExamples(1000).forAll(AuditFixtures.records()).checkAssert(record ->
                assertThat(CanonicalFormParser.parse(record.canonicalForm())).isEqualTo(record));
    }
}
