package io.amends.audit.control;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads a canonical form back into a record, following only the grammar documented on
 * {@link AuditRecord#canonicalForm()}. That it always recovers the original record is the proof that the form is
 * unambiguous: two records with the same form would parse to the same record.
 */
final class CanonicalFormParser {

    private final byte[] bytes;
    private int at;

    private CanonicalFormParser(String canonical) {
        this.bytes = canonical.getBytes(StandardCharsets.UTF_8);
    }

    static AuditRecord parse(String canonical) {
        CanonicalFormParser p = new CanonicalFormParser(canonical);
        p.expect(AuditRecord.FORMAT + "\n");
        long sequence = p.number("sequence");
        p.expect("recordedAt:");
        Instant recordedAt = Instant.parse(p.untilLineEnd());
        AuditRecord record = new AuditRecord(sequence, recordedAt,
                p.text("actor"), p.text("actorRole"), p.text("action"), p.text("caseKey"),
                p.nullableNumber("accountId"), p.nullableNumber("amountMinor"), p.text("currency"),
                p.nullableNumber("ltvInForceMinor"), p.nullableNumber("spend12mMinor"),
                p.nullableNumber("spendLtvRatioBp"), p.text("policyVerdict"), p.text("details"));
        if (p.at != p.bytes.length) {
            throw new IllegalArgumentException("Trailing bytes at " + p.at);
        }
        return record;
    }

    private long number(String name) {
        Long value = nullableNumber(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is not nullable");
        }
        return value;
    }

    private Long nullableNumber(String name) {
        expect(name + ":");
        String value = untilLineEnd();
        return value.equals("~") ? null : Long.parseLong(value);
    }

    private String text(String name) {
        expect(name + ":");
        if (bytes[at] == '~') {
            expect("~\n");
            return null;
        }
        int length = 0;
        while (bytes[at] != ':') {
            byte digit = bytes[at++];
            if (digit < '0' || digit > '9') {
                throw new IllegalArgumentException("Expected a length at " + (at - 1));
            }
            length = Math.addExact(Math.multiplyExact(length, 10), digit - '0');
        }
        at++;
        String value = new String(bytes, at, length, StandardCharsets.UTF_8);
        at += length;
        expect("\n");
        return value;
    }

    private String untilLineEnd() {
        int start = at;
        while (bytes[at] != '\n') {
            at++;
        }
        return new String(bytes, start, at++ - start, StandardCharsets.UTF_8);
    }

    private void expect(String literal) {
        byte[] expected = literal.getBytes(StandardCharsets.UTF_8);
        for (byte b : expected) {
            if (bytes[at++] != b) {
                throw new IllegalArgumentException("Expected '" + literal + "' at " + (at - 1));
            }
        }
    }
}
