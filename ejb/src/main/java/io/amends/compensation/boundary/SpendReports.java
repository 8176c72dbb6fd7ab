package io.amends.compensation.boundary;

import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Forbidden;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The finance dashboard's figures: what compensation cost by month and kind, how spend compares with lifetime value
 * per tier, the accounts that cost the most, and how long finance takes to decide.
 *
 * <p>Spend here is what was granted: approved, being fulfilled or fulfilled. Amounts stay in each account's own
 * currency (Amends converts none), so every figure carries its currency. Reads only; native SQL that H2 and
 * PostgreSQL both understand.
 */
@Stateless
public class SpendReports {

    private static final String GRANTED = "('APPROVED', 'FULFILLING', 'FULFILLED')";

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    /** Granted compensation of one month, kind and currency. */
    public record MonthlySpend(YearMonth month, String kind, String currency, long proposals, long costMinor) {
    }

    /** Accounts of one tier and currency: their lifetime value and what they cost in the last 12 months. */
    public record TierSpend(String tier, int rank, String currency, long accounts, long ltvMinor, long spend12mMinor) {

        /** Spend as a share of LTV in basis points; null without LTV. */
        public Long ratioBasisPoints() {
            return ltvMinor == 0 ? null : Math.multiplyExact(spend12mMinor, 10_000L) / ltvMinor;
        }
    }

    /** One account and its granted compensation over the last 12 months. */
    public record AccountSpend(long accountId, String name, String currency, long ltvMinor, long spend12mMinor,
                               long proposals) {

        public Long ratioBasisPoints() {
            return ltvMinor == 0 ? null : Math.multiplyExact(spend12mMinor, 10_000L) / ltvMinor;
        }
    }

    /** How long finance took, for the proposals of one month that needed finance and were decided. */
    public record Turnaround(YearMonth month, long decided, long approved, long rejected, double averageHours,
                             double longestHours) {
    }

    /** Granted spend per month (by proposal date) and kind, oldest month first, over the last {@code months} months. */
    public List<MonthlySpend> spendByMonth(@NotNull Caller caller, int months) {
        requireFinance(caller);
        Instant since = startOfMonthsAgo(months);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT EXTRACT(YEAR FROM proposed_at), EXTRACT(MONTH FROM proposed_at), kind, "
                        + "currency, COUNT(*), SUM(cost_minor) FROM compensation_proposal WHERE status IN " + GRANTED
                        + " AND proposed_at >= ? GROUP BY EXTRACT(YEAR FROM proposed_at), EXTRACT(MONTH FROM proposed_at), kind, currency "
                        + "ORDER BY 1, 2, 3, 4")
                .setParameter(1, since.atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new MonthlySpend(YearMonth.of(number(r[0]).intValue(), number(r[1]).intValue()),
                (String) r[2], ((String) r[3]).trim(), number(r[4]).longValue(), number(r[5]).longValue())).toList();
    }

    /** Per LTV tier and currency: accounts, their total LTV and their granted spend over the last 12 months. */
    public List<TierSpend> spendAgainstLtvByTier(@NotNull Caller caller) {
        requireFinance(caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT t.tier, t.rank_order, a.currency, COUNT(*), SUM(a.ltv_minor), "
                        + "SUM(COALESCE(s.spend, 0)) FROM customer_account a "
                        + "JOIN ltv_tier t ON t.min_ltv_minor = (SELECT MAX(x.min_ltv_minor) FROM ltv_tier x WHERE x.min_ltv_minor <= a.ltv_minor) "
                        + "LEFT JOIN (SELECT account_id, SUM(cost_minor) AS spend FROM compensation_proposal WHERE status IN " + GRANTED
                        + " AND proposed_at > ? GROUP BY account_id) s ON s.account_id = a.id "
                        + "GROUP BY t.tier, t.rank_order, a.currency ORDER BY t.rank_order, a.currency")
                .setParameter(1, yearAgo().atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(r -> new TierSpend((String) r[0], number(r[1]).intValue(), ((String) r[2]).trim(),
                number(r[3]).longValue(), number(r[4]).longValue(), number(r[5]).longValue())).toList();
    }

    /** The accounts with the most granted compensation over the last 12 months, largest first. */
    public List<AccountSpend> largestAccounts(@NotNull Caller caller, int limit) {
        requireFinance(caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.id, a.name, a.currency, a.ltv_minor, SUM(p.cost_minor), COUNT(*) "
                        + "FROM compensation_proposal p JOIN customer_account a ON a.id = p.account_id "
                        + "WHERE p.status IN " + GRANTED + " AND p.proposed_at > ? "
                        + "GROUP BY a.id, a.name, a.currency, a.ltv_minor ORDER BY SUM(p.cost_minor) DESC, a.name")
                .setParameter(1, yearAgo().atOffset(ZoneOffset.UTC)).setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return rows.stream().map(r -> new AccountSpend(number(r[0]).longValue(), (String) r[1], ((String) r[2]).trim(),
                number(r[3]).longValue(), number(r[4]).longValue(), number(r[5]).longValue())).toList();
    }

    /**
     * Finance's turnaround per month of decision, over the last {@code months} months: proposals that needed finance
     * and were approved or rejected, with the average and longest time from proposal to decision.
     */
    public List<Turnaround> approvalTurnaround(@NotNull Caller caller, int months) {
        requireFinance(caller);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT proposed_at, decided_at, status FROM compensation_proposal "
                        + "WHERE approvals_needed > 0 AND decided_at IS NOT NULL AND decided_at >= ? "
                        + "AND status IN ('APPROVED', 'FULFILLING', 'FULFILLED', 'FAILED', 'REJECTED')")
                .setParameter(1, startOfMonthsAgo(months).atOffset(ZoneOffset.UTC)).getResultList();
        Map<YearMonth, long[]> counts = new TreeMap<>();
        Map<YearMonth, double[]> hours = new TreeMap<>();
        for (Object[] r : rows) {
            Instant proposed = instant(r[0]);
            Instant decided = instant(r[1]);
            YearMonth month = YearMonth.from(decided.atOffset(ZoneOffset.UTC));
            double took = Duration.between(proposed, decided).toSeconds() / 3600.0;
            long[] c = counts.computeIfAbsent(month, m -> new long[3]);
            double[] h = hours.computeIfAbsent(month, m -> new double[2]);
            c[0]++;
            if ("REJECTED".equals(r[2])) {
                c[2]++;
            } else {
                c[1]++;
            }
            h[0] += took;
            h[1] = Math.max(h[1], took);
        }
        List<Turnaround> result = new ArrayList<>();
        counts.forEach((month, c) -> result.add(new Turnaround(month, c[0], c[1], c[2], hours.get(month)[0] / c[0],
                hours.get(month)[1])));
        return result;
    }

    /** Spend across all accounts is finance's business (and an administrator's), not an account manager's. */
    private static void requireFinance(Caller caller) {
        if (!caller.has(Role.FINANCE) && !caller.has(Role.ADMIN)) {
            throw new Forbidden("Spend reports are for finance and administrators");
        }
    }

    private Instant yearAgo() {
        return clock.now().minus(Duration.ofDays(365));
    }

    private Instant startOfMonthsAgo(int months) {
        YearMonth first = YearMonth.from(clock.now().atOffset(ZoneOffset.UTC)).minusMonths(Math.max(0, months - 1));
        return first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        if (value instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("Not a timestamp: " + value);
    }
}
