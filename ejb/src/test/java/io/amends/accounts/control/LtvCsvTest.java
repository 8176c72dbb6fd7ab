package io.amends.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.amends.accounts.control.LtvCsv.Entry;
import io.amends.accounts.control.LtvCsv.Target;
import io.amends.accounts.entity.ImportRefused;
import io.amends.accounts.entity.ImportRefused.RowError;
import io.amends.accounts.entity.ImportTooLarge;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LtvCsvTest {

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    /** A small directory: three accounts in three currencies, two of them sharing a name. */
    static final LtvCsv.Directory ACCOUNTS = new LtvCsv.Directory() {
        final List<Target> all = List.of(
                new Target(1001, "Acme Logistics GmbH", "EUR"),
                new Target(1002, "Smith, Jones & Co", "GBP"),
                new Target(1003, "Tanaka KK", "JPY"),
                new Target(1004, "John Smith", "USD"),
                new Target(1005, "John Smith", "USD"));

        @Override
        public Optional<Target> byId(long accountId) {
            return all.stream().filter(t -> t.accountId() == accountId).findFirst();
        }

        @Override
        public List<Target> byName(String name) {
            return all.stream().filter(t -> t.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))).toList();
        }
    };

    static List<Entry> read(String csv) {
        return LtvCsv.read(csv, ACCOUNTS, NOW);
    }

    static List<RowError> errorsOf(String csv) {
        try {
            List<Entry> entries = read(csv);
            throw new AssertionError("expected the file to be refused, but it gave " + entries);
        } catch (ImportRefused refused) {
            return refused.errors();
        }
    }

    static List<String> placesOf(String csv) {
        return errorsOf(csv).stream().map(RowError::where).toList();
    }

    @Test
    void readsIdsAndNamesWithTheAccountsCurrency() {
        List<Entry> entries = read("""
                account_id,account_name,ltv,effective_at
                1001,,12500.50,2026-01-31
                ,tanaka kk,98000,2026-02-01T09:30:00Z
                """);
        assertThat(entries).containsExactly(
                new Entry(2, 1001, 1_250_050, "EUR", Instant.parse("2026-01-31T00:00:00Z")),
                new Entry(3, 1003, 98_000, "JPY", Instant.parse("2026-02-01T09:30:00Z")));
    }

    @Test
    void anEmptyEffectiveAtMeansTheMomentOfTheImport() {
        assertThat(read("account_id,ltv\n1001,10\n").get(0).effectiveAt()).isEqualTo(NOW);
    }

    @Test
    void anOffsetIsTurnedIntoUtc() {
        assertThat(read("account_id,ltv,effective_at\n1001,1,2026-02-01T10:30:00+01:00\n").get(0).effectiveAt())
                .isEqualTo(Instant.parse("2026-02-01T09:30:00Z"));
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() {
        List<Entry> entries = read("account_name,ltv\n\"Smith, Jones & Co\",\"1.50\"\n");
        assertThat(entries).extracting(Entry::accountId, Entry::ltvMinor).containsExactly(tuple(1002L, 150L));

        List<LtvCsv.Record> records = LtvCsv.records("a,\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n", ',');
        assertThat(records).hasSize(2);
        assertThat(records.get(0).fields()).containsExactly("a", "say \"hi\"", "two\nlines");
        assertThat(records.get(1).row()).isEqualTo(2);
    }

    @Test
    void aByteOrderMarkAndWindowsLineEndingsAreIgnored() {
        assertThat(read("\uFEFFaccount_id,ltv\r\n1001,5.00\r\n")).extracting(Entry::ltvMinor).containsExactly(500L);
    }

    @Test
    void theHeaderIsReadAsASpreadsheetWritesIt() {
        assertThat(read("LTV , Account ID,Effective At\n7,1001,\n")).extracting(Entry::accountId).containsExactly(1001L);
    }

    @Test
    void aHeaderWithSemicolonsAndNoCommasSwitchesTheSeparator() {
        assertThat(read("account_id;ltv\n1001;12.34\n")).extracting(Entry::ltvMinor).containsExactly(1234L);
    }

    @Test
    void blankLinesAreSkippedButStillCountAsRows() {
        assertThat(placesOf("account_id,ltv\n\n1001,abc\n")).containsExactly("row 3: ltv");
    }

    @Test
    void badNumbersAreReportedWithTheirRowAndColumn() {
        List<RowError> errors = errorsOf("""
                account_id,ltv
                1001,12.5.0
                1001,"1,000.00"
                1001,1e6
                1001,
                1001,12.345
                1003,1.5
                """);
        assertThat(errors).extracting(RowError::where)
                .containsExactly("row 2: ltv", "row 3: ltv", "row 4: ltv", "row 5: ltv", "row 6: ltv", "row 7: ltv");
        assertThat(errors.get(3).message()).contains("required");
        assertThat(errors.get(4).message()).contains("EUR has 2 decimals");
        assertThat(errors.get(5).message()).contains("JPY has 0 decimals");
    }

    @Test
    void negativeValuesAreRefused() {
        List<RowError> errors = errorsOf("account_id,ltv\n1001,-5.00\n");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.where()).isEqualTo("row 2: ltv");
            assertThat(e.message()).contains("never negative");
        });
    }

    @Test
    void unknownAccountsAreReportedByRow() {
        assertThat(errorsOf("""
                account_id,account_name,ltv
                1001,,1
                999999,,1
                ,Nobody Ltd,1
                abc,,1
                ,,1
                """)).extracting(RowError::where, RowError::message).containsExactly(
                tuple("row 3: account_id", "There is no account 999999"),
                tuple("row 4: account_name", "There is no account named 'Nobody Ltd'"),
                tuple("row 5: account_id", "Not an account id: 'abc'"),
                tuple("row 6: account_id", "Which account? Give an account_id or an account_name"));
    }

    @Test
    void anAmbiguousNameAsksForTheId() {
        assertThat(errorsOf("account_name,ltv\nJohn Smith,1\n").get(0).message()).contains("2 accounts are named 'John Smith'");
    }

    @Test
    void anIdAndANameThatDisagreeAreRefused() {
        assertThat(placesOf("account_id,account_name,ltv\n1001,Tanaka KK,1\n")).containsExactly("row 2: account_name");
        assertThat(read("account_id,account_name,ltv\n1001,ACME LOGISTICS GMBH,1\n")).hasSize(1);
    }

    @Test
    void everyProblemOfEveryRowIsReportedAtOnce() {
        assertThat(placesOf("account_id,ltv,effective_at\n1001,-1,yesterday\n1001,1,\n424242,x,2030-01-01\n"))
                .containsExactly("row 2: ltv", "row 2: effective_at", "row 4: account_id", "row 4: ltv", "row 4: effective_at");
    }

    @Test
    void problemsOfShapeAndOfValuesAreListedInRowOrder() {
        assertThat(placesOf("account_id,ltv\n1001,x\n1001,1,extra\n1001,y\n"))
                .containsExactly("row 2: ltv", "row 3", "row 4: ltv");
    }

    @Test
    void badMomentsAreRefused() {
        List<RowError> errors = errorsOf("account_id,ltv,effective_at\n1001,1,2026-13-01\n1001,1,2026-02-01T10:00\n1001,1,2026-03-02\n");
        assertThat(errors).extracting(RowError::where).containsExactly("row 2: effective_at", "row 3: effective_at", "row 4: effective_at");
        assertThat(errors.get(1).message()).contains("no time zone");
        assertThat(errors.get(2).message()).contains("future");
    }

    @Test
    void theSameAccountAndMomentTwiceIsAmbiguous() {
        assertThat(errorsOf("account_id,ltv,effective_at\n1001,1,2026-01-01\n1001,2,2026-01-01\n1001,3,2026-01-02\n"))
                .singleElement().satisfies(e -> {
                    assertThat(e.where()).isEqualTo("row 3");
                    assertThat(e.message()).contains("row 2");
                });
    }

    @Test
    void brokenQuotingIsReportedForItsRowAndTheOthersAreStillRead() {
        assertThat(placesOf("account_id,ltv\n1001,\"12\"3\n1001,ab\"c\n424242,1\n")).containsExactly("row 2", "row 3", "row 4: account_id");
        assertThat(placesOf("account_id,ltv\n1001,\"12\n")).containsExactly("row 2");
    }

    @Test
    void tooManyValuesInARowAreRefusedButTrailingEmptyOnesAreNot() {
        assertThat(placesOf("account_id,ltv\n1001,1,extra\n")).containsExactly("row 2");
        assertThat(read("account_id,ltv\n1001,1,,\n")).hasSize(1);
    }

    @Test
    void theHeaderMustNameTheColumns() {
        assertThat(errorsOf("id,value\n1001,1\n")).extracting(RowError::where).containsOnly("header");
        assertThat(errorsOf("account_id\n1001\n").get(0).message()).contains("no ltv column");
        assertThat(errorsOf("ltv\n1\n").get(0).message()).contains("neither an account_id nor an account_name");
        assertThat(errorsOf("account_id,ltv,ltv\n1001,1,2\n").get(0).message()).contains("twice");
    }

    @Test
    void anEmptyFileOrOneWithoutValuesIsRefused() {
        assertThat(errorsOf("").get(0).message()).contains("empty");
        assertThat(errorsOf("\uFEFF\n\n").get(0).message()).contains("empty");
        assertThat(errorsOf("account_id,ltv\n").get(0).message()).contains("no rows of values");
    }

    @Test
    void moreThanTheRowLimitIsTooLarge() {
        StringBuilder csv = new StringBuilder("account_id,ltv\n");
        csv.append("1001,1\n".repeat(LtvCsv.MAX_ROWS));
        assertThat(LtvCsv.parse(csv.toString()).rows()).hasSize(LtvCsv.MAX_ROWS);
        csv.append("1001,1\n");
        assertThatThrownBy(() -> LtvCsv.parse(csv.toString())).isInstanceOf(ImportTooLarge.class).hasMessageContaining("10,000");
    }

    @Test
    void atMostAHundredErrorsAreListedButAllAreCounted() {
        String csv = "account_id,ltv\n" + "1001,x\n".repeat(250);
        assertThatThrownBy(() -> read(csv)).isInstanceOfSatisfying(ImportRefused.class, refused -> {
            assertThat(refused.errors()).hasSize(ImportRefused.MAX_REPORTED);
            assertThat(refused.totalErrors()).isEqualTo(250);
            assertThat(refused.getMessage()).contains("250 errors");
        });
    }

    @Test
    void theSheetListsTheIdsAndNamesToLoad() {
        LtvCsv.Sheet sheet = LtvCsv.parse("account_id,account_name,ltv\n1001,,1\n,Tanaka KK,2\nxyz,,3\n1001,Acme,4\n");
        assertThat(sheet.accountIds()).containsExactly(1001L);
        assertThat(sheet.accountNames()).containsExactly("tanaka kk");
    }

    @Test
    void momentsTakeDatesInstantsAndZones() {
        assertThat(LtvCsv.moment("2026-01-31")).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
        assertThat(LtvCsv.moment("2026-01-31T09:30:00.123456789Z")).isEqualTo(Instant.parse("2026-01-31T09:30:00.123456Z"));
        assertThat(LtvCsv.moment("2026-01-31T10:30:00+01:00[Europe/Berlin]")).isEqualTo(Instant.parse("2026-01-31T09:30:00Z"));
        assertThatThrownBy(() -> LtvCsv.moment("31.01.2026")).hasMessageContaining("2026-01-31");
    }
}
