package io.amends.platform.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Remembers the answers to requests sent with an {@code Idempotency-Key}, per caller, so that a client retrying
 * after a lost answer gets the first answer instead of a second case, proposal or redemption.
 *
 * <p>The key is claimed, the work done and the answer stored in ONE transaction (the web layer opens it around the
 * request): a crash before the commit leaves no claim and no work, a commit leaves both, so a retry can never find
 * the work done without its answer. A concurrent request with the same key waits on the claim's row and then sees
 * the stored answer.
 */
@Stateless
public class IdempotentRequests {

    static final Duration KEPT = Duration.ofDays(1);

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    /** A stored answer. */
    public record Answer(String methodPath, String bodyHash, int status, String contentType, String location, String body) {
    }

    /** The stored answer for a key, read outside the request's transaction (after a lost race for the claim). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Answer> stored(String caller, String key) {
        return find(caller, key, false);
    }

    /**
     * In the request's transaction: the answer already stored for this key (the caller then replays or refuses it),
     * or empty after claiming the key for this request. Claiming waits for a concurrent holder of the same key.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public Optional<Answer> claim(String caller, String key, String methodPath, String bodyHash) {
        Optional<Answer> existing = find(caller, key, true);
        if (existing.isPresent()) {
            return existing;
        }
        em.createNativeQuery("INSERT INTO idempotent_request (caller, idem_key, method_path, body_hash, created_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, methodPath).setParameter(4, bodyHash)
                .setParameter(5, Instant.now().atOffset(ZoneOffset.UTC)).executeUpdate();
        return Optional.empty();
    }

    /** In the request's transaction: the answer to replay for this key from now on. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void answer(String caller, String key, int status, String contentType, String location, String body) {
        em.createNativeQuery("UPDATE idempotent_request SET status = ?, content_type = ?, location = ?, response_body = ? "
                        + "WHERE caller = ? AND idem_key = ?")
                .setParameter(1, status).setParameter(2, contentType).setParameter(3, location)
                .setParameter(4, body != null && body.length() > 20000 ? body.substring(0, 20000) : body)
                .setParameter(5, caller).setParameter(6, key).executeUpdate();
    }

    /** Forgets answers older than a day. */
    public int forgetOld() {
        return em.createNativeQuery("DELETE FROM idempotent_request WHERE created_at < ?")
                .setParameter(1, Instant.now().minus(KEPT).atOffset(ZoneOffset.UTC)).executeUpdate();
    }

    private Optional<Answer> find(String caller, String key, boolean lock) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT method_path, body_hash, status, content_type, location, response_body "
                        + "FROM idempotent_request WHERE caller = ? AND idem_key = ?" + (lock ? " FOR UPDATE" : ""))
                .setParameter(1, caller).setParameter(2, key).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        return Optional.of(new Answer((String) row[0], ((String) row[1]).trim(), row[2] == null ? 0 : ((Number) row[2]).intValue(),
                (String) row[3], (String) row[4], (String) row[5]));
    }
}
