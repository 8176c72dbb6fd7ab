package io.amends.audit.boundary;

import io.amends.platform.control.Dialect;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The money figures every audit entry carries for its account: the LTV in force, the spend on compensation in the
 * last 12 months (pending and approved), and their ratio in basis points.
 */
@Stateless
public class LedgerFigures {

    static final Duration YEAR = Duration.ofDays(365);

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    Dialect dialect;

    public record Figures(long ltvMinor, long spend12mMinor, Long ratioBasisPoints) {
    }

    /** Both figures in one round trip: every audit entry of an account asks for them. */
    public Figures of(long accountId, Instant at) {
        Object[] row = (Object[]) em.createNativeQuery(figuresSql(dialect.isPostgres()))
                .setParameter(1, accountId).setParameter(2, at.atOffset(ZoneOffset.UTC))
                .setParameter(3, accountId).setParameter(4, at.minus(YEAR).atOffset(ZoneOffset.UTC)).getSingleResult();
        long ltvMinor = row[0] == null ? 0 : ((Number) row[0]).longValue();
        long spend = ((Number) row[1]).longValue();
        Long ratio = ltvMinor == 0 ? null : Math.multiplyExact(spend, 10_000L) / ltvMinor;
        return new Figures(ltvMinor, spend, ratio);
    }

    /** Compensation that is pending or approved in the 12 months before {@code at}; 0 until compensation exists. */
    public long spend12m(long accountId, Instant at) {
        Object sum = em.createNativeQuery(spendSql(dialect.isPostgres()))
                .setParameter(1, accountId).setParameter(2, at.minus(YEAR).atOffset(ZoneOffset.UTC)).getSingleResult();
        return ((Number) sum).longValue();
    }

    /**
     * The LTV in force at the second parameter and the spend since the fourth, of the account in the first and third.
     * The spend is a range in {@code proposal_account_spend_ix}. At a million cases H2 chose the {@code account_id}
     * index of the foreign key instead and read every proposal the account ever had, row by row (EXPLAIN ANALYZE: 519
     * page reads against 10), so on H2 it is told which index answers it. PostgreSQL picks it unaided.
     */
    static String figuresSql(boolean postgres) {
        return "SELECT (SELECT l.ltv_minor FROM ltv_change l WHERE l.account_id = ? AND l.effective_at <= ? "
                + "ORDER BY l.effective_at DESC, l.id DESC FETCH FIRST 1 ROWS ONLY), (" + spendSql(postgres) + ")";
    }

    /** The spend since the second parameter of the account in the first. */
    private static String spendSql(boolean postgres) {
        return "SELECT COALESCE(SUM(p.cost_minor), 0) FROM " + Dialect.withIndex(postgres, "compensation_proposal p",
                "proposal_account_spend_ix") + " WHERE p.account_id = ? AND p.counts_against_caps = TRUE AND p.proposed_at > ?";
    }
}
