package io.amends.web.cases;

import io.amends.cases.boundary.Commitments;
import io.amends.cases.entity.Commitment;
import io.amends.cases.entity.CommitmentNote;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Commitments on a case with their progress notes; clients read them (and only the notes meant for them). */
@Path("cases/{caseId}/commitments")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommitmentsResource {

    @EJB
    Commitments commitments;

    @Inject
    CurrentCaller caller;

    public record CommitmentView(long id, String description, Instant dueAt, String status, String waiveReason, Instant settledAt,
                                 long version) {
        static CommitmentView of(Commitment c) {
            return new CommitmentView(c.getId(), c.getDescription(), c.getDueAt(), c.getStatus().name(), c.getWaiveReason(),
                    c.getSettledAt(), c.getVersion());
        }
    }

    public record NoteView(long id, Instant at, String author, String note, boolean visibleToClient) {
        static NoteView of(CommitmentNote n) {
            return new NoteView(n.getId(), n.getWrittenAt(), n.getAuthor(), n.getNote(), n.isVisibleToClient());
        }
    }

    public record Note(@NotBlank @Size(max = 2000) String note, boolean visibleToClient) {
    }

    public record Waiver(@NotBlank @Size(max = 1000) String reason) {
    }

    @io.amends.web.platform.Idempotent
    @POST
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response make(@PathParam("caseId") long caseId, @NotNull @Valid Commitments.MakeCommitment body) {
        return Response.status(Response.Status.CREATED).entity(CommitmentView.of(commitments.make(caller.get(), caseId, body))).build();
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public List<CommitmentView> list(@PathParam("caseId") long caseId) {
        return commitments.ofCase(caller.get(), caseId).stream().map(CommitmentView::of).toList();
    }

    @GET
    @Path("{commitmentId}/notes")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN, Role.CLIENT})
    public List<NoteView> notes(@PathParam("caseId") long caseId, @PathParam("commitmentId") long commitmentId) {
        return commitments.notes(caller.get(), caseId, commitmentId).stream().map(NoteView::of).toList();
    }

    @POST
    @Path("{commitmentId}/notes")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public Response note(@PathParam("caseId") long caseId, @PathParam("commitmentId") long commitmentId, @NotNull @Valid Note body) {
        return Response.status(Response.Status.CREATED)
                .entity(NoteView.of(commitments.note(caller.get(), caseId, commitmentId, body.note(), body.visibleToClient()))).build();
    }

    @POST
    @Path("{commitmentId}/done")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public CommitmentView done(@PathParam("caseId") long caseId, @PathParam("commitmentId") long commitmentId) {
        return CommitmentView.of(commitments.done(caller.get(), caseId, commitmentId));
    }

    @POST
    @Path("{commitmentId}/waive")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public CommitmentView waive(@PathParam("caseId") long caseId, @PathParam("commitmentId") long commitmentId,
                                @NotNull @Valid Waiver body) {
        return CommitmentView.of(commitments.waive(caller.get(), caseId, commitmentId, body.reason()));
    }
}
