package io.amends.cases.boundary;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the cases teach: root causes by how often they happen, how often they recur for the same customer, and
 * what they cost in compensation (the practice: never apologise twice for the same issue).
 */
@Stateless
public class Learning {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    /** One line of the root-cause report. Cost is in minor units per currency. */
    public record RootCauseLine(String code, String label, long cases, long recurrences, String currency, long costMinor) {
    }

    public List<RootCauseLine> rootCauses(Instant from, Instant to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT r.code, r.label, COUNT(c.id), SUM(CASE WHEN c.recurrence_of_id IS NULL THEN 0 ELSE 1 END),
                       MIN(a.currency), COALESCE(SUM(p.cost), 0)
                FROM apology_case c
                JOIN root_cause r ON r.id = c.root_cause_id
                JOIN customer_account a ON a.id = c.account_id
                LEFT JOIN (SELECT case_id, SUM(cost_minor) AS cost FROM compensation_proposal
                           WHERE status IN ('APPROVED', 'FULFILLING', 'FULFILLED') GROUP BY case_id) p ON p.case_id = c.id
                WHERE c.opened_at >= ? AND c.opened_at < ?
                GROUP BY r.code, r.label, a.currency
                ORDER BY COUNT(c.id) DESC, r.code
                """)
                .setParameter(1, from.atOffset(ZoneOffset.UTC)).setParameter(2, to.atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new RootCauseLine((String) r[0], (String) r[1], ((Number) r[2]).longValue(),
                ((Number) r[3]).longValue(), ((String) r[4]).trim(), ((Number) r[5]).longValue())).toList();
    }
}
