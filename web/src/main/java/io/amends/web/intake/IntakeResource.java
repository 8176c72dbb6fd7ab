package io.amends.web.intake;

import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Severity;
import io.amends.intake.boundary.Intake;
import io.amends.intake.boundary.Ticket;
import io.amends.intake.entity.TriageItem;
import io.amends.platform.entity.Invalid;
import io.amends.users.entity.Role;
import io.amends.web.platform.Idempotent;
import io.amends.web.platform.Problem;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import io.amends.web.security.Throttle;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Helpdesk intake (docs/intake.md): a helpdesk posts its tickets here with its API key; each becomes a case of the
 * requester's account, a line in the case it already became, or an item in the triage queue. Rate-limited per key.
 */
@Path("intake")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IntakeResource {

    @EJB
    Intake intake;

    @Inject
    Throttle throttle;

    @Inject
    CurrentCaller caller;

    @Inject
    Validator validator;

    @Context
    UriInfo uri;

    /**
     * A ticket as helpdesks can send it from a webhook template: {@code id} may be a number or a string, {@code tags}
     * an array or one string of tags separated by spaces or commas (Zendesk's {@code {{ticket.tags}}}).
     */
    public record TicketBody(JsonValue id, Ticket.Requester requester, String subject, String description, String priority,
                             JsonValue tags) {
    }

    /** What became of the ticket; {@code caseId} for a case, {@code triageId} for the triage queue. */
    public record Received(String ticketId, Intake.Result result, Long caseId, String caseKey, Long triageId) {
    }

    public record TriageView(long id, String ticketId, String requesterEmail, String requesterName, String subject,
                             String description, String priority, Severity severity, List<String> tags, String receivedBy,
                             Instant receivedAt) {
        static TriageView of(TriageItem t) {
            return new TriageView(t.getId(), t.getTicketRef(), t.getRequesterEmail(), t.getRequesterName(), t.getSubject(),
                    t.getDescription(), t.getPriority(), t.getSeverity(),
                    t.getTags() == null ? List.of() : Arrays.asList(t.getTags().split(" ")), t.getReceivedBy(), t.getReceivedAt());
        }
    }

    public record AssignedView(long triageId, long caseId, String caseKey) {
    }

    @POST
    @Path("tickets")
    @Allow(Role.HELPDESK)
    public Response receive(TicketBody body) {
        long wait = throttle.intake(caller.get().username());
        if (wait > 0) {
            return Response.fromResponse(Problem.of(Response.Status.TOO_MANY_REQUESTS, "too-many-requests",
                            "Too many tickets from this key; try again in " + wait + " seconds", uri.getRequestUri().getPath())
                    .toResponse()).header("Retry-After", wait).build();
        }
        if (body == null) {
            throw new Invalid("body", "Send the ticket as JSON (docs/intake.md)");
        }
        Ticket ticket = new Ticket(text(body.id()), body.requester(), body.subject(), body.description(), body.priority(),
                tags(body.tags()));
        // validated here, after the rate limit counted the request (a flood of invalid tickets is still a flood)
        Set<ConstraintViolation<Ticket>> violations = validator.validate(ticket);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        Intake.Outcome outcome = intake.receive(caller.get(), ticket);
        ApologyCase c = outcome.apologyCase();
        Received received = new Received(ticket.id(), outcome.result(), c == null ? null : c.getId(), c == null ? null : c.getCaseKey(),
                outcome.triage() == null ? null : outcome.triage().getId());
        Response.Status status = switch (outcome.result()) {
            case OPENED -> Response.Status.CREATED;
            case TRIAGED -> Response.Status.ACCEPTED;
            case UPDATED, UNCHANGED -> Response.Status.OK;
        };
        Response.ResponseBuilder answer = Response.status(status).entity(received);
        if (c != null) {
            answer.location(uri.getBaseUriBuilder().path("cases/{id}").build(c.getId()));
        }
        return answer.build();
    }

    @GET
    @Path("triage")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public List<TriageView> triage() {
        return intake.triage().stream().map(TriageView::of).toList();
    }

    @Idempotent
    @POST
    @Path("triage/{id}/assign")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response assign(@PathParam("id") long id, @NotNull @Valid Intake.Assignment body) {
        ApologyCase opened = intake.assign(caller.get(), id, body);
        return Response.created(uri.getBaseUriBuilder().path("cases/{id}").build(opened.getId()))
                .entity(new AssignedView(id, opened.getId(), opened.getCaseKey())).build();
    }

    private static String text(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString s) {
            return s.getString();
        }
        if (value instanceof JsonNumber n) {
            return n.toString();
        }
        throw new Invalid("id", "A ticket id is a string or a number");
    }

    static List<String> tags(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value instanceof JsonString s) {
            return Arrays.stream(s.getString().split("[\\s,]+")).filter(t -> !t.isBlank()).toList();
        }
        if (value instanceof JsonArray array) {
            return array.stream().map(v -> {
                if (v instanceof JsonString s) {
                    return s.getString();
                }
                throw new Invalid("tags", "Tags are strings");
            }).toList();
        }
        throw new Invalid("tags", "Tags are an array of strings, or one string of tags separated by spaces");
    }
}
