package io.amends.web.compensation;

import io.amends.compensation.boundary.SpendReports;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Csv;
import jakarta.ejb.EJB;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The numbers behind each dashboard chart, as CSV. Under {@code /finance/}, so web.xml admits finance and
 * administrators only (a GET that reads; nothing to protect against cross-site requests).
 */
@WebServlet("/finance/dashboard.csv")
public class DashboardCsvServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    SpendReports reports;

    // A servlet lives as long as the application: ask for the caller of each request.
    @Inject
    Instance<Caller> callers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String chart = request.getParameter("chart");
        if (chart == null || !chart.matches("spend-by-month|spend-by-tier|largest-accounts|turnaround")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Caller caller = callers.get();
        Writer out = Csv.start(response, "amends-" + chart + ".csv");
        switch (chart) {
            case "spend-by-month" -> {
                Csv.row(out, "month", "kind", "currency", "proposals", "cost_minor");
                for (SpendReports.MonthlySpend m : reports.spendByMonth(caller, DashboardBacking.MONTHS)) {
                    Csv.row(out, m.month(), m.kind(), m.currency(), m.proposals(), m.costMinor());
                }
            }
            case "spend-by-tier" -> {
                Csv.row(out, "tier", "currency", "accounts", "ltv_minor", "spend_12m_minor", "spend_ratio_bp");
                for (SpendReports.TierSpend t : reports.spendAgainstLtvByTier(caller)) {
                    Csv.row(out, t.tier(), t.currency(), t.accounts(), t.ltvMinor(), t.spend12mMinor(), t.ratioBasisPoints());
                }
            }
            case "largest-accounts" -> {
                Csv.row(out, "account_id", "account", "currency", "ltv_minor", "spend_12m_minor", "spend_ratio_bp", "proposals");
                for (SpendReports.AccountSpend a : reports.largestAccounts(caller, 100)) {
                    Csv.row(out, a.accountId(), a.name(), a.currency(), a.ltvMinor(), a.spend12mMinor(), a.ratioBasisPoints(), a.proposals());
                }
            }
            default -> {
                Csv.row(out, "month", "decided", "approved", "rejected", "average_hours", "longest_hours");
                for (SpendReports.Turnaround t : reports.approvalTurnaround(caller, DashboardBacking.MONTHS)) {
                    Csv.row(out, t.month(), t.decided(), t.approved(), t.rejected(), round(t.averageHours()), round(t.longestHours()));
                }
            }
        }
        out.flush();
    }

    private static BigDecimal round(double hours) {
        return BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP);
    }
}
