package io.amends.web.cases;

import io.amends.accounts.boundary.Accounts.Page;
import io.amends.cases.boundary.CaseFilter;
import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.OpenCase;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.Severity;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Apology cases over HTTP: intake, the work list, a case and its timeline. Delegates every rule to {@link Cases}.
 */
@Path("cases")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CasesResource {

    @EJB
    Cases cases;

    @Inject
    CurrentCaller caller;

    @EJB
    io.amends.sla.boundary.Deadlines deadlines;

    @Context
    UriInfo uri;

    /** A case as the API shows it. */
    public record CaseView(long id, String key, long accountId, String title, String description, Severity severity,
                           String channel, CaseStatus status, Long ownerId, String externalRef, Instant openedAt,
                           Instant firstContactDue, Instant firstContactAt, Instant resolutionDue, Instant nextDue,
                           Instant resolvedAt, Instant closedAt, Long recurrenceOf, boolean breached, long version) {

        static CaseView of(ApologyCase c) {
            return new CaseView(c.getId(), c.getCaseKey(), c.getAccountId(), c.getTitle(), c.getDescription(), c.getSeverity(),
                    c.getChannel().name(), c.getStatus(), c.getOwnerId(), c.getExternalRef(), c.getOpenedAt(),
                    c.getFirstContactDue(), c.getFirstContactAt(), c.getResolutionDue(), c.getNextDue(), c.getResolvedAt(),
                    c.getClosedAt(), c.getRecurrenceOfId(), c.isBreached(), c.getVersion());
        }
    }

    public record PageView<T>(List<T> items, long total, int page, int size) {
    }

    public record EventView(Instant at, String actor, String kind, String summary) {
    }

    @io.amends.web.platform.Idempotent
    @POST
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response open(@NotNull @Valid OpenCase command) {
        ApologyCase opened = cases.open(caller.get(), command);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(opened.getId())).build())
                .entity(CaseView.of(opened)).build();
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public PageView<CaseView> list(@QueryParam("mine") @DefaultValue("false") boolean mine,
                                   @QueryParam("active") @DefaultValue("false") boolean active,
                                   @QueryParam("status") List<CaseStatus> statuses,
                                   @QueryParam("severity") List<Severity> severities,
                                   @QueryParam("account") Long account,
                                   @QueryParam("rootCause") String rootCause,
                                   @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                   @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        Set<CaseStatus> statusSet = statuses == null || statuses.isEmpty() ? Set.of() : EnumSet.copyOf(statuses);
        Set<Severity> severitySet = severities == null || severities.isEmpty() ? Set.of() : EnumSet.copyOf(severities);
        Page<ApologyCase> found = cases.list(caller.get(), new CaseFilter(mine, active, statusSet, severitySet, account, rootCause), page, size);
        return new PageView<>(found.items().stream().map(CaseView::of).toList(), found.total(), found.page(), found.size());
    }

    @GET
    @Path("{id}")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public CaseView get(@PathParam("id") long id) {
        return CaseView.of(cases.get(caller.get(), id));
    }

    /** A change to a case's lifecycle; {@code version} (optional) is the version the caller saw. */
    public record Transition(Long version, @jakarta.validation.constraints.Size(max = 1000) String reason,
                             @jakarta.validation.constraints.Size(max = 1000) String summary, boolean confirmedByCustomer) {
    }

    public record Assignment(Long version, @jakarta.validation.constraints.NotBlank String owner) {
    }

    public record DeadlineView(String kind, Long commitmentId, Instant dueAt, String state, Instant settledAt, String escalatedTo) {
    }

    @POST
    @Path("{id}/resolve")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public CaseView resolve(@PathParam("id") long id, Transition body) {
        return CaseView.of(cases.resolve(caller.get(), id, version(body), body == null ? null : body.summary()));
    }

    @POST
    @Path("{id}/close")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public CaseView close(@PathParam("id") long id, Transition body) {
        return CaseView.of(cases.close(caller.get(), id, version(body), body != null && body.confirmedByCustomer()));
    }

    @POST
    @Path("{id}/reopen")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public CaseView reopen(@PathParam("id") long id, @NotNull @Valid Transition body) {
        return CaseView.of(cases.reopen(caller.get(), id, version(body), body.reason()));
    }

    @jakarta.ws.rs.PUT
    @Path("{id}/owner")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public CaseView assign(@PathParam("id") long id, @NotNull @Valid Assignment body) {
        return CaseView.of(cases.assign(caller.get(), id, body.version() == null ? -1 : body.version(), body.owner()));
    }

    @GET
    @Path("{id}/deadlines")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<DeadlineView> deadlines(@PathParam("id") long id) {
        cases.get(caller.get(), id);
        return deadlines.ofCase(id).stream().map(d -> new DeadlineView(d.getKind().name(), d.getCommitmentId(), d.getDueAt(),
                d.getState().name(), d.getSettledAt(), d.getEscalatedTo())).toList();
    }

    private static long version(Transition body) {
        return body == null || body.version() == null ? -1 : body.version();
    }

    @GET
    @Path("{id}/timeline")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public List<EventView> timeline(@PathParam("id") long id) {
        List<CaseEvent> events = cases.timeline(caller.get(), id);
        return events.stream().map(e -> new EventView(e.getOccurredAt(), e.getActor(), e.getKind(), e.getSummary())).toList();
    }
}
