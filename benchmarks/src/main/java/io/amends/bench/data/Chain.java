package io.amends.bench.data;

import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.StoredEntry;

/**
 * The audit trail as the generator extends it: each entry numbered and sealed with the application's own
 * {@link StoredEntry#seal} right after the previous one, in the order they are appended (time order), continuing from
 * the head the database had.
 */
final class Chain {

    private long sequence;
    private String hash;
    private final long first;

    Chain(long sequence, String hash) {
        this.sequence = sequence;
        this.hash = hash;
        this.first = sequence;
    }

    /** Seals one entry as {@code AuditSealer} would and adds its row to {@code out}. */
    void append(Batch out, long micros, String actor, String actorRole, String action, String caseKey, Long accountId, Long amountMinor,
                String currency, Long ltvMinor, Long spend12mMinor, Long ratioBasisPoints, String verdict, String details) {
        AuditRecord record = new AuditRecord(sequence + 1, World.micros(micros), actor, actorRole, action, caseKey, accountId, amountMinor,
                currency, ltvMinor, spend12mMinor, ratioBasisPoints, verdict, clean(details));
        StoredEntry sealed = StoredEntry.seal(hash, record);
        sequence++;
        hash = sealed.hash();
        out.add(Table.AUDIT_ENTRY, record.sequence(), record.recordedAt(), record.actor(), record.actorRole(), record.action(),
                record.caseKey(), record.accountId(), record.amountMinor(), record.currency(), record.ltvInForceMinor(),
                record.spend12mMinor(), record.spendLtvRatioBp(), record.policyVerdict(), record.details(), sealed.previousHash(),
                sealed.hash());
    }

    /** As {@code AuditTrail.clean}: no NUL, at most 8,000 characters. */
    static String clean(String details) {
        String text = details == null ? "" : details.replace('\u0000', '\uFFFD');
        return text.length() > 8000 ? text.substring(0, 7999) + "…" : text;
    }

    long sequence() {
        return sequence;
    }

    String hash() {
        return hash;
    }

    long appended() {
        return sequence - first;
    }
}
