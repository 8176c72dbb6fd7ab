package io.amends.web.audit;

import io.amends.audit.boundary.AuditTrail;
import io.amends.audit.control.AuditRecord;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import io.amends.web.platform.Csv;
import jakarta.ejb.EJB;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The whole audit trail as CSV for a signed-in finance user or administrator (the page's export; the API's export
 * needs a bearer token). The same columns as {@code GET /api/v1/audit/export}, streamed in sequence order.
 */
@WebServlet("/finance/audit-export.csv")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    AuditTrail trail;

    // A servlet lives as long as the application: ask for the caller of each request.
    @Inject
    Instance<Caller> callers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Caller caller = callers.get();
        if (!caller.has(Role.FINANCE) && !caller.has(Role.ADMIN)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Writer out = Csv.start(response, "amends-audit-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
        Csv.row(out, "seq", "recorded_at", "actor", "actor_role", "action", "case_key", "account_id", "amount_minor", "currency",
                "ltv_minor", "spend_12m_minor", "spend_ratio_bp", "verdict", "details", "prev_hash", "hash");
        trail.forEach(entry -> {
            AuditRecord r = entry.record();
            try {
                Csv.row(out, r.sequence(), r.recordedAt(), r.actor(), r.actorRole(), r.action(), r.caseKey(), r.accountId(),
                        r.amountMinor(), r.currency(), r.ltvInForceMinor(), r.spend12mMinor(), r.spendLtvRatioBp(),
                        r.policyVerdict(), r.details(), entry.previousHash(), entry.hash());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        out.flush();
    }
}
