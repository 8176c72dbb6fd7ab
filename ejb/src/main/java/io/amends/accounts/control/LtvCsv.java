package io.amends.accounts.control;

import io.amends.accounts.entity.ImportRefused;
import io.amends.accounts.entity.ImportRefused.RowError;
import io.amends.accounts.entity.ImportTooLarge;
import io.amends.compensation.entity.Money;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads lifetime values from a CSV file exported by a CRM or a spreadsheet, and says row by row what is wrong with it.
 *
 * <p>The file has a header row naming its columns (in any order, case and spacing as a spreadsheet writes them):
 * {@code account_id} or {@code account_name} (one of them per row; with both, they must agree), {@code ltv} (a plain
 * decimal in the account's currency, such as {@code 12500.00}) and optionally {@code effective_at} (an ISO date,
 * taken as midnight UTC, or an ISO instant or date-time with offset; empty means the moment of the import).
 * Values may be quoted as RFC 4180 says, a UTF-8 byte order mark is ignored, and a header without commas but with
 * semicolons (a European spreadsheet) switches the separator to semicolons.
 *
 * <p>Rows are numbered as a spreadsheet shows them: the header is row 1. Reading is all or nothing: every problem of
 * every row is collected and reported together ({@link ImportRefused}), so that one round of fixes makes the file
 * right. Pure: it looks accounts up through a {@link Directory} and reads no clock.
 */
public final class LtvCsv {

    /** The most value rows one file may have. */
    public static final int MAX_ROWS = 10_000;

    /** The largest file one import takes, in bytes. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** A value may take effect at most this far ahead of the server's clock, for clocks that disagree a little. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofSeconds(60);

    static final String ACCOUNT_ID = "account_id";
    static final String ACCOUNT_NAME = "account_name";
    static final String LTV = "ltv";
    static final String EFFECTIVE_AT = "effective_at";
    private static final Set<String> COLUMNS = Set.of(ACCOUNT_ID, ACCOUNT_NAME, LTV, EFFECTIVE_AT);

    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,18}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

    private LtvCsv() {
    }

    /** An account a row can name: what a row needs to know of it. */
    public record Target(long accountId, String name, String currency) {
    }

    /** Finds the accounts that rows name: the boundary answers from the database, a test from a map. */
    public interface Directory {

        Optional<Target> byId(long accountId);

        /** Every account with exactly this name, ignoring case. */
        List<Target> byName(String name);
    }

    /** One value row as the file has it, before any account is looked up; absent columns are empty strings. */
    public record Row(int row, String accountId, String accountName, String ltv, String effectiveAt) {
    }

    /** The file split into value rows, with the problems of its shape (header, quotes, field counts). */
    public record Sheet(List<Row> rows, List<RowError> errors) {

        /** The account ids the rows name, as far as they are numbers: for loading them in one go. */
        public Set<Long> accountIds() {
            Set<Long> ids = new LinkedHashSet<>();
            for (Row row : rows) {
                if (DIGITS.matcher(row.accountId()).matches()) {
                    ids.add(Long.parseLong(row.accountId()));
                }
            }
            return ids;
        }

        /** The account names the rows use where they give no id, in lower case. */
        public Set<String> accountNames() {
            Set<String> names = new LinkedHashSet<>();
            for (Row row : rows) {
                if (row.accountId().isEmpty() && !row.accountName().isEmpty()) {
                    names.add(row.accountName().toLowerCase(Locale.ROOT));
                }
            }
            return names;
        }
    }

    /** One lifetime value to record, checked: the account exists and the amount is valid in its currency. */
    public record Entry(int row, long accountId, long ltvMinor, String currency, Instant effectiveAt) {
    }

    /**
     * Reads and checks the whole file.
     *
     * @param now the moment of the import: rows without {@code effective_at} take effect then, and none may be later
     * @throws ImportRefused  listing every problem, if any row cannot be taken as it is
     * @throws ImportTooLarge if the file has more than {@link #MAX_ROWS} value rows
     */
    public static List<Entry> read(String text, Directory directory, Instant now) {
        return resolve(parse(text), directory, now);
    }

    /**
     * Splits the file into value rows by its header, without looking anything up.
     *
     * @throws ImportTooLarge if the file has more than {@link #MAX_ROWS} value rows
     */
    public static Sheet parse(String text) {
        String body = text == null ? "" : text;
        if (body.startsWith("\uFEFF")) {
            body = body.substring(1);
        }
        List<RowError> errors = new ArrayList<>();
        List<Record> records = records(body, separatorOf(body));
        Record header = records.stream().filter(r -> !r.isBlank()).findFirst().orElse(null);
        if (header == null) {
            errors.add(new RowError(1, null, "The file is empty; its first row names the columns: "
                    + "account_id or account_name, ltv, and optionally effective_at"));
            return new Sheet(List.of(), errors);
        }
        Map<String, Integer> columns = columnsOf(header, errors);
        if (!errors.isEmpty()) {
            return new Sheet(List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        for (Record record : records) {
            if (record == header || record.isBlank()) {
                continue;
            }
            if (record.problem() != null) {
                errors.add(new RowError(record.row(), null, record.problem()));
                continue;
            }
            List<String> fields = record.fields();
            if (fields.size() > columns.size() && fields.subList(columns.size(), fields.size()).stream().anyMatch(f -> !f.isEmpty())) {
                errors.add(new RowError(record.row(), null, "The row has " + fields.size() + " values but the header names "
                        + columns.size() + " columns"));
                continue;
            }
            rows.add(new Row(record.row(), field(fields, columns.get(ACCOUNT_ID)), field(fields, columns.get(ACCOUNT_NAME)),
                    field(fields, columns.get(LTV)), field(fields, columns.get(EFFECTIVE_AT))));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new RowError(1, null, "The file has a header but no rows of values"));
        }
        return new Sheet(rows, errors);
    }

    /**
     * Looks up the accounts of the rows and checks every value.
     *
     * @throws ImportRefused listing every problem of the sheet and of its rows, if there is any
     */
    public static List<Entry> resolve(Sheet sheet, Directory directory, Instant now) {
        List<RowError> errors = new ArrayList<>(sheet.errors());
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Row row : sheet.rows()) {
            int before = errors.size();
            Target target = account(row, directory, errors);
            Long minor = amount(row, target, errors);
            Instant effective = effective(row, now, errors);
            if (errors.size() > before || target == null || minor == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(target.accountId() + "@" + effective, row.row());
            if (earlier != null) {
                errors.add(new RowError(row.row(), null, "Account " + target.accountId() + " already has a value with the same "
                        + "effective_at in row " + earlier + "; which one is right?"));
                continue;
            }
            entries.add(new Entry(row.row(), target.accountId(), minor, target.currency(), effective));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(RowError::row)); // stable: a row's columns stay in their order
            throw new ImportRefused(errors);
        }
        return entries;
    }

    private static Target account(Row row, Directory directory, List<RowError> errors) {
        Target target = null;
        if (!row.accountId().isEmpty()) {
            if (!DIGITS.matcher(row.accountId()).matches()) {
                errors.add(new RowError(row.row(), ACCOUNT_ID, "Not an account id: '" + shorten(row.accountId()) + "'"));
                return null;
            }
            long id = Long.parseLong(row.accountId());
            target = directory.byId(id).orElse(null);
            if (target == null) {
                errors.add(new RowError(row.row(), ACCOUNT_ID, "There is no account " + id));
                return null;
            }
            if (!row.accountName().isEmpty() && !target.name().equalsIgnoreCase(row.accountName())) {
                errors.add(new RowError(row.row(), ACCOUNT_NAME, "Account " + id + " is named '" + shorten(target.name())
                        + "', not '" + shorten(row.accountName()) + "'"));
                return null;
            }
            return target;
        }
        if (row.accountName().isEmpty()) {
            errors.add(new RowError(row.row(), ACCOUNT_ID, "Which account? Give an account_id or an account_name"));
            return null;
        }
        List<Target> named = directory.byName(row.accountName());
        if (named.isEmpty()) {
            errors.add(new RowError(row.row(), ACCOUNT_NAME, "There is no account named '" + shorten(row.accountName()) + "'"));
        } else if (named.size() > 1) {
            errors.add(new RowError(row.row(), ACCOUNT_NAME, named.size() + " accounts are named '" + shorten(row.accountName())
                    + "'; give the account_id instead"));
        } else {
            target = named.get(0);
        }
        return target;
    }

    private static Long amount(Row row, Target target, List<RowError> errors) {
        String text = row.ltv();
        if (text.isEmpty()) {
            errors.add(new RowError(row.row(), LTV, "A lifetime value is required"));
            return null;
        }
        if (text.startsWith("-")) {
            errors.add(new RowError(row.row(), LTV, "A lifetime value is never negative, but got " + shorten(text)));
            return null;
        }
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            errors.add(new RowError(row.row(), LTV, "Not an amount: '" + shorten(text)
                    + "'; write digits with an optional decimal point and no thousands separators, like 12500.00"));
            return null;
        }
        if (target == null) {
            return null; // the currency decides how many decimals are allowed; the account error is reported already
        }
        try {
            return Money.parse(target.currency(), text).amountMinor();
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row.row(), LTV, e.getMessage()));
            return null;
        }
    }

    private static Instant effective(Row row, Instant now, List<RowError> errors) {
        if (row.effectiveAt().isEmpty()) {
            return now;
        }
        try {
            Instant at = moment(row.effectiveAt());
            if (at.isAfter(now.plus(CLOCK_TOLERANCE))) {
                errors.add(new RowError(row.row(), EFFECTIVE_AT, "A lifetime value cannot take effect in the future ("
                        + row.effectiveAt() + ")"));
                return null;
            }
            return at;
        } catch (IllegalArgumentException e) {
            errors.add(new RowError(row.row(), EFFECTIVE_AT, e.getMessage()));
            return null;
        }
    }

    /**
     * Reads a moment as people and systems write it: an ISO date ({@code 2026-01-31}, midnight UTC), an instant
     * ({@code 2026-01-31T09:30:00Z}) or a date-time with an offset or zone; kept to microseconds, as stored.
     *
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static Instant moment(String text) {
        String value = text == null ? "" : text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (value.endsWith("]")) {
                return ZonedDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
            }
            return OffsetDateTime.parse(value).toInstant().truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeException e) {
            try {
                LocalDateTime.parse(value);
                throw new IllegalArgumentException("'" + shorten(value) + "' has no time zone; add Z for UTC or an offset such as +01:00");
            } catch (DateTimeException notEvenThat) {
                throw new IllegalArgumentException("Not a date or moment: '" + shorten(value)
                        + "'; write 2026-01-31 or 2026-01-31T09:30:00Z");
            }
        }
    }

    private static Map<String, Integer> columnsOf(Record header, List<RowError> errors) {
        if (header.problem() != null) {
            errors.add(new RowError(header.row(), null, header.problem()));
            return Map.of();
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> names = header.fields();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
            if (name.isEmpty() && i == names.size() - 1 && i > 0) {
                continue; // a trailing separator, as some spreadsheets write
            }
            if (!COLUMNS.contains(name)) {
                errors.add(new RowError(header.row(), null, "Unknown column '" + shorten(names.get(i))
                        + "'; the columns are account_id, account_name, ltv and effective_at"));
            } else if (columns.putIfAbsent(name, i) != null) {
                errors.add(new RowError(header.row(), null, "The column " + name + " appears twice"));
            }
        }
        if (!columns.containsKey(LTV)) {
            errors.add(new RowError(header.row(), null, "The header has no ltv column"));
        }
        if (!columns.containsKey(ACCOUNT_ID) && !columns.containsKey(ACCOUNT_NAME)) {
            errors.add(new RowError(header.row(), null, "The header has neither an account_id nor an account_name column"));
        }
        return columns;
    }

    private static String field(List<String> fields, Integer index) {
        return index == null || index >= fields.size() ? "" : fields.get(index).strip();
    }

    static String shorten(String text) {
        String oneLine = text.replaceAll("\\s+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 60) + "…" : oneLine;
    }

    /** A comma, unless the first line has semicolons and no commas. */
    static char separatorOf(String body) {
        int end = body.indexOf('\n');
        String first = end < 0 ? body : body.substring(0, end);
        return first.indexOf(',') < 0 && first.indexOf(';') >= 0 ? ';' : ',';
    }

    /** One record of the file: its row number, its fields, and what is wrong with its quoting if anything is. */
    record Record(int row, List<String> fields, String problem) {
        boolean isBlank() {
            return problem == null && fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    /**
     * Splits the text into records as RFC 4180 says: separators and line breaks inside double quotes are data, and
     * a doubled quote inside quotes is one quote. A record with broken quoting is kept with its problem, so that its
     * row number is reported and the rows after it are still read.
     */
    static List<Record> records(String text, char separator) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean afterQuote = false;
        String problem = null;
        int row = 1;
        int valueRows = 0;
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < length && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                afterQuote = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                Record record = new Record(row++, List.copyOf(fields), problem);
                records.add(record);
                if (!record.isBlank() && ++valueRows > MAX_ROWS + 1) { // + 1: the header
                    throw tooManyRows();
                }
                fields.clear();
                field.setLength(0);
                afterQuote = false;
                problem = null;
            } else if (c == '"') {
                if (field.toString().isBlank() && !afterQuote) {
                    field.setLength(0);
                    quoted = true;
                } else if (problem == null) {
                    problem = "A quote inside an unquoted value; quote the whole value and double the quotes inside it";
                }
            } else if (afterQuote) {
                if (!Character.isWhitespace(c) && problem == null) {
                    problem = "Text after the closing quote of a value";
                }
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            problem = "A quoted value is not closed: a quote is missing";
        }
        if (quoted || field.length() > 0 || !fields.isEmpty() || afterQuote) {
            fields.add(field.toString());
            Record record = new Record(row, List.copyOf(fields), problem);
            records.add(record);
            if (!record.isBlank() && ++valueRows > MAX_ROWS + 1) {
                throw tooManyRows();
            }
        }
        return records;
    }

    private static ImportTooLarge tooManyRows() {
        return new ImportTooLarge("The file has more than " + String.format(Locale.ROOT, "%,d", MAX_ROWS)
                + " rows of values; split it into files of at most that many rows");
    }
}
