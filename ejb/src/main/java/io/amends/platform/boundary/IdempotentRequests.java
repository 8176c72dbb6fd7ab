package io.amends.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Remembers the answers to requests sent with an {@code Idempotency-Key}, per caller, so that a client retrying
 * after a lost answer gets the first answer instead of a second case, proposal or redemption.
 *
 * <p>A key is claimed before the work starts (in its own transaction, so two concurrent requests with one key
 * cannot both start), and the answer is stored after. A claim whose answer never came (the node died) may be
 * taken over after {@link #STALE}. Server errors are not remembered: the client may retry them.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class IdempotentRequests {

    static final Duration STALE = Duration.ofMinutes(2);
    static final Duration KEPT = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    /** What to do with a request: go ahead, replay a stored answer, or refuse. */
    public sealed interface Outcome permits Proceed, Replay, Mismatch, InProgress {
    }

    public record Proceed() implements Outcome {
    }

    public record Replay(int status, String contentType, String location, String body) implements Outcome {
    }

    /** The key was used before for a different request. */
    public record Mismatch() implements Outcome {
    }

    /** The first request with this key is still being worked on. */
    public record InProgress() implements Outcome {
    }

    public Outcome begin(String caller, String key, String methodPath, String bodyHash) {
        Instant now = Instant.now();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT method_path, body_hash, status, content_type, location, response_body, created_at "
                + "FROM idempotent_request WHERE caller = ? AND idem_key = ? FOR UPDATE").setParameter(1, caller).setParameter(2, key)
                .getResultList();
        if (rows.isEmpty()) {
            try {
                em.createNativeQuery("INSERT INTO idempotent_request (caller, idem_key, method_path, body_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                        .setParameter(1, caller).setParameter(2, key).setParameter(3, methodPath).setParameter(4, bodyHash)
                        .setParameter(5, now.atOffset(ZoneOffset.UTC)).executeUpdate();
                return new Proceed();
            } catch (PersistenceException concurrentClaim) {
                return new InProgress();
            }
        }
        Object[] row = rows.get(0);
        if (!methodPath.equals(row[0]) || !bodyHash.equals(((String) row[1]).trim())) {
            return new Mismatch();
        }
        if (row[2] != null) {
            return new Replay(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5]);
        }
        Instant claimed = toInstant(row[6]);
        if (claimed.plus(STALE).isAfter(now)) {
            return new InProgress();
        }
        em.createNativeQuery("UPDATE idempotent_request SET created_at = ? WHERE caller = ? AND idem_key = ?")
                .setParameter(1, now.atOffset(ZoneOffset.UTC)).setParameter(2, caller).setParameter(3, key).executeUpdate();
        return new Proceed();
    }

    public void complete(String caller, String key, int status, String contentType, String location, String body) {
        if (status >= 500 || body != null && body.length() > 20000) {
            em.createNativeQuery("DELETE FROM idempotent_request WHERE caller = ? AND idem_key = ?")
                    .setParameter(1, caller).setParameter(2, key).executeUpdate();
            return;
        }
        em.createNativeQuery("UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, response_body = ? "
                        + "WHERE caller = ? AND idem_key = ?")
                .setParameter(1, status).setParameter(2, contentType).setParameter(3, location).setParameter(4, body)
                .setParameter(5, caller).setParameter(6, key).executeUpdate();
    }

    /** Forgets answers older than a day; called by a daily sweep. */
    public int forgetOld() {
        return em.createNativeQuery("DELETE FROM idempotent_request WHERE created_at < ?")
                .setParameter(1, Instant.now().minus(KEPT).atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    private static Instant toInstant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        return Instant.parse(value.toString());
    }
}
