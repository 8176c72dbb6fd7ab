package io.amends.audit.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The money figures every audit entry carries for its account: the LTV in force, the spend on compensation in the
 * last 12 months (pending and approved), and their ratio in basis points.
 */
@Stateless
public class LedgerFigures {

    static final Duration YEAR = Duration.ofDays(365);

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    public record Figures(long ltvMinor, long spend12mMinor, Long ratioBasisPoints) {
    }

    public Figures of(long accountId, Instant at) {
        List<?> ltv = em.createNativeQuery("SELECT ltv_minor FROM ltv_change WHERE account_id = ? AND effective_at <= ? "
                        + "ORDER BY effective_at DESC, id DESC FETCH FIRST 1 ROWS ONLY")
                .setParameter(1, accountId).setParameter(2, at.atOffset(java.time.ZoneOffset.UTC)).getResultList();
        long ltvMinor = ltv.isEmpty() ? 0 : ((Number) ltv.get(0)).longValue();
        long spend = spend12m(accountId, at);
        Long ratio = ltvMinor == 0 ? null : Math.multiplyExact(spend, 10_000L) / ltvMinor;
        return new Figures(ltvMinor, spend, ratio);
    }

    /** Compensation that is pending or approved in the 12 months before {@code at}; 0 until compensation exists. */
    public long spend12m(long accountId, Instant at) {
        Object sum = em.createNativeQuery("SELECT COALESCE(SUM(cost_minor), 0) FROM compensation_proposal WHERE account_id = ? "
                        + "AND counts_against_caps = TRUE AND proposed_at > ?")
                .setParameter(1, accountId).setParameter(2, at.minus(YEAR).atOffset(java.time.ZoneOffset.UTC)).getSingleResult();
        return ((Number) sum).longValue();
    }
}
