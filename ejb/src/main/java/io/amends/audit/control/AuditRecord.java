package io.amends.audit.control;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What one audit entry says happened: everything that is hashed, in the form that survives a round trip through the
 * database.
 *
 * <p>The constructor normalises, so that the hash computed when the entry is appended is the hash recomputed when the
 * stored row is read back:
 * <ul>
 *   <li>{@code recordedAt} is truncated to microseconds. PostgreSQL and H2 keep {@code TIMESTAMP WITH TIME ZONE} at
 *   microsecond precision; a hash over nanoseconds would not match the value read back, and every entry would look
 *   changed. Persist {@link #recordedAt()} of the record, never the {@code Instant} it was built from.</li>
 *   <li>Unpaired UTF-16 surrogates in text are replaced by U+FFFD. They cannot be encoded in UTF-8, so neither the
 *   database nor the hash input could hold them faithfully (Java would silently turn them into {@code '?'}, which
 *   would make two different texts hash alike).</li>
 *   <li>{@code currency} must be three letters A-Z: the column is {@code CHAR(3)}, which pads shorter values with
 *   spaces on the way back, so anything else could not verify.</li>
 * </ul>
 *
 * <p>{@link #canonicalForm()} is the text that is hashed. Its format is part of every stored hash: changing it breaks
 * the verification of every existing entry, so it is versioned ({@value #FORMAT}) and pinned by a golden test.
 *
 * @param sequence        position in the trail: 1, 2, 3, ... without gaps
 * @param recordedAt      when, in UTC, at microsecond precision
 * @param actor           who (user name or API key name)
 * @param actorRole       the role the actor acted in
 * @param action          what was done, e.g. {@code CASE_OPENED}
 * @param caseKey         the apology case concerned, if any
 * @param accountId       the customer account concerned, if any
 * @param amountMinor     an amount in minor units (cents), if the action moved or promised money
 * @param currency        ISO 4217 code of {@code amountMinor}, if any
 * @param ltvInForceMinor customer lifetime value in force when the action was taken, minor units
 * @param spend12mMinor   compensation spent on the customer in the last 12 months, minor units
 * @param spendLtvRatioBp that spend relative to lifetime value, in basis points
 * @param policyVerdict   what the compensation policy said, if it was consulted
 * @param details         free text, any length the column allows, any Unicode
 */
public record AuditRecord(
        long sequence,
        Instant recordedAt,
        String actor,
        String actorRole,
        String action,
        String caseKey,
        Long accountId,
        Long amountMinor,
        String currency,
        Long ltvInForceMinor,
        Long spend12mMinor,
        Long spendLtvRatioBp,
        String policyVerdict,
        String details) {

    /** First line of every canonical form; a new format needs a new tag so that old entries stay verifiable. */
    public static final String FORMAT = "amends-audit-v1";

    private static final DateTimeFormatter MICROS_UTC =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000};

    private static final char NULL_MARK = '~';
    private static final char REPLACEMENT = '\uFFFD';

    public AuditRecord {
        if (sequence < 1) {
            throw new IllegalArgumentException("Audit sequence numbers start at 1, got " + sequence);
        }
        recordedAt = Objects.requireNonNull(recordedAt, "recordedAt").truncatedTo(ChronoUnit.MICROS);
        actor = wellFormed(Objects.requireNonNull(actor, "actor"));
        actorRole = wellFormed(Objects.requireNonNull(actorRole, "actorRole"));
        action = wellFormed(Objects.requireNonNull(action, "action"));
        caseKey = wellFormed(caseKey);
        if (currency != null && !isCurrencyCode(currency)) {
            throw new IllegalArgumentException("Currency must be three letters A-Z, got '" + currency + "'");
        }
        policyVerdict = wellFormed(policyVerdict);
        details = wellFormed(Objects.requireNonNull(details, "details"));
    }

    /**
     * The text that is hashed: one line per field, in declaration order, after the {@value #FORMAT} line.
     *
     * <pre>
     * canonical = "amends-audit-v1" LF field*        (14 fields, always all of them, in component order)
     * field     = name ":" value LF
     * value     = "~"                                  null
     *           | decimal                              sequence and Long fields: Long.toString, e.g. -42
     *           | utf8-length ":" text                 String fields: byte count of text in UTF-8, then text as is
     *           | yyyy-MM-ddTHH:mm:ss.ffffffZ          recordedAt: always six fraction digits, UTC
     * </pre>
     *
     * <p>Why it is unambiguous: names and order are fixed; text is length-prefixed, so a line feed, colon or tilde
     * inside it is just content and never ends the field; null ({@code ~}) cannot be confused with a value, because
     * a text value starts with a digit ({@code 0:} for the empty string) and a number never is {@code ~}. The length
     * counts UTF-8 bytes because the hash input is UTF-8, so a verifier in any language (or SQL's
     * {@code octet_length}) can rebuild the form.
     */
    public String canonicalForm() {
        StringBuilder out = new StringBuilder(320 + details.length());
        out.append(FORMAT).append('\n');
        number(out, "sequence", sequence);
        out.append("recordedAt:");
        appendMicrosUtc(out, recordedAt);
        out.append('\n');
        text(out, "actor", actor);
        text(out, "actorRole", actorRole);
        text(out, "action", action);
        text(out, "caseKey", caseKey);
        number(out, "accountId", accountId);
        number(out, "amountMinor", amountMinor);
        text(out, "currency", currency);
        number(out, "ltvInForceMinor", ltvInForceMinor);
        number(out, "spend12mMinor", spend12mMinor);
        number(out, "spendLtvRatioBp", spendLtvRatioBp);
        text(out, "policyVerdict", policyVerdict);
        text(out, "details", details);
        return out.toString();
    }

    /**
     * {@code recordedAt} as {@link #MICROS_UTC} formats it, written digit by digit for the years 0 to 9999: the
     * formatter took a quarter of the time to hash an entry, and every verification hashes millions.
     */
    static void appendMicrosUtc(StringBuilder out, Instant at) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(at.getEpochSecond(), at.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            out.append(MICROS_UTC.format(at));
            return;
        }
        digits(out, t.getYear(), 4).append('-');
        digits(out, t.getMonthValue(), 2).append('-');
        digits(out, t.getDayOfMonth(), 2).append('T');
        digits(out, t.getHour(), 2).append(':');
        digits(out, t.getMinute(), 2).append(':');
        digits(out, t.getSecond(), 2).append('.');
        digits(out, t.getNano() / 1_000, 6).append('Z');
    }

    private static StringBuilder digits(StringBuilder out, int value, int width) {
        for (int divisor = POWERS_OF_TEN[width - 1]; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }

    private static void number(StringBuilder out, String name, Long value) {
        out.append(name).append(':');
        if (value == null) {
            out.append(NULL_MARK);
        } else {
            out.append(value.longValue());
        }
        out.append('\n');
    }

    private static void text(StringBuilder out, String name, String value) {
        out.append(name).append(':');
        if (value == null) {
            out.append(NULL_MARK);
        } else {
            out.append(utf8Length(value)).append(':').append(value);
        }
        out.append('\n');
    }

    /** Counts without encoding; valid only for well-formed UTF-16, which the constructor guarantees. */
    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isSurrogate(c)) {
                bytes += 2; // each half of a pair: 4 bytes per supplementary code point
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String wellFormed(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder repaired = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            if (paired) {
                if (repaired != null) {
                    repaired.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            boolean lone = Character.isSurrogate(c);
            if (lone && repaired == null) {
                repaired = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (repaired != null) {
                repaired.append(lone ? REPLACEMENT : c);
            }
        }
        return repaired == null ? s : repaired.toString();
    }

    private static boolean isCurrencyCode(String s) {
        return s.length() == 3 && s.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }
}
