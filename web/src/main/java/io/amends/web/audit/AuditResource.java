package io.amends.web.audit;

import io.amends.audit.boundary.AuditTrail;
import io.amends.audit.control.AuditRecord;
import io.amends.audit.control.Verification;
import io.amends.audit.entity.AuditEntry;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** The audit trail for finance, administrators and auditors: search, verify the hash chain, export. */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    AuditTrail trail;

    @Inject
    CurrentCaller caller;

    public record EntryView(long seq, Instant at, String actor, String role, String action, String caseKey, Long accountId,
                            Long amountMinor, String currency, Long ltvMinor, Long spend12mMinor, Long spendRatioBasisPoints,
                            String verdict, String details, String hash) {
        static EntryView of(AuditEntry e) {
            return new EntryView(e.getSeq(), e.getRecordedAt(), e.getActor(), e.getActorRole(), e.getAction(), e.getCaseKey(),
                    e.getAccountId(), e.getAmountMinor(), e.getCurrency() == null ? null : e.getCurrency().trim(), e.getLtvMinor(),
                    e.getSpend12mMinor(), e.getSpendRatioBp(), e.getVerdict(), e.getDetails(), e.getHash());
        }
    }

    public record PageView(List<EntryView> items, long total, int page, int size) {
    }

    public record ProblemView(String kind, long sequence, String message) {
    }

    public record VerificationView(boolean ok, long checked, long headSequence, ProblemView problem) {
    }

    @GET
    @Allow({Role.FINANCE, Role.ADMIN, Role.ACCOUNT_MANAGER})
    public PageView search(@QueryParam("caseKey") String caseKey, @QueryParam("accountId") Long accountId,
                           @QueryParam("actor") String actor, @QueryParam("action") String action,
                           @QueryParam("from") Instant from, @QueryParam("to") Instant to,
                           @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                           @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        AuditTrail.Page found = trail.searchFor(caller.get(), new AuditTrail.Filter(caseKey, accountId, actor, action, from, to), page, size);
        return new PageView(found.items().stream().map(EntryView::of).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("verify")
    @Allow({Role.FINANCE, Role.ADMIN})
    public VerificationView verify() {
        Verification result = trail.verify();
        return new VerificationView(result.ok(), result.checked(), result.reached().sequence(),
                result.firstProblem().map(p -> new ProblemView(p.kind().name(), p.sequence(), p.message())).orElse(null));
    }

    /** The whole trail for auditors, streamed: CSV (one row per entry, with both hashes) or JSON Lines. */
    @GET
    @Path("export")
    @Produces({"text/csv", "application/x-ndjson", "application/json"})
    @Allow({Role.FINANCE, Role.ADMIN})
    public Response export(@QueryParam("format") @DefaultValue("csv") @Pattern(regexp = "csv|jsonl", message = "is csv or jsonl") String format) {
        boolean csv = "csv".equals(format);
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                writer.write("seq,recorded_at,actor,actor_role,action,case_key,account_id,amount_minor,currency,ltv_minor,"
                        + "spend_12m_minor,spend_ratio_bp,verdict,details,prev_hash,hash\n");
            }
            trail.forEach(entry -> {
                try {
                    AuditRecord r = entry.record();
                    if (csv) {
                        writer.write(String.join(",", String.valueOf(r.sequence()), r.recordedAt().toString(), cell(r.actor()),
                                cell(r.actorRole()), cell(r.action()), cell(r.caseKey()), cell(r.accountId()), cell(r.amountMinor()),
                                cell(r.currency()), cell(r.ltvInForceMinor()), cell(r.spend12mMinor()), cell(r.spendLtvRatioBp()),
                                cell(r.policyVerdict()), cell(r.details()), entry.previousHash(), entry.hash()));
                    } else {
                        JsonObjectBuilder json = Json.createObjectBuilder().add("seq", r.sequence()).add("recordedAt", r.recordedAt().toString())
                                .add("actor", r.actor()).add("actorRole", r.actorRole()).add("action", r.action());
                        add(json, "caseKey", r.caseKey());
                        add(json, "accountId", r.accountId());
                        add(json, "amountMinor", r.amountMinor());
                        add(json, "currency", r.currency());
                        add(json, "ltvMinor", r.ltvInForceMinor());
                        add(json, "spend12mMinor", r.spend12mMinor());
                        add(json, "spendRatioBasisPoints", r.spendLtvRatioBp());
                        add(json, "verdict", r.policyVerdict());
                        json.add("details", r.details()).add("prevHash", entry.previousHash()).add("hash", entry.hash());
                        writer.write(json.build().toString());
                    }
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(body, csv ? "text/csv; charset=UTF-8" : "application/x-ndjson")
                .header("Content-Disposition", "attachment; filename=\"amends-audit." + format + "\"").build();
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Long l) {
            json.add(name, l);
        } else if (value != null) {
            json.add(name, value.toString());
        } else {
            json.addNull(name);
        }
    }

    /** A CSV cell: quoted when needed, and never starting with a character a spreadsheet would run as a formula. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r") || text.startsWith("'")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
