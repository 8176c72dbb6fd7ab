package io.amends.cases.boundary;

import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Commitment;
import io.amends.cases.entity.CommitmentNote;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.sla.boundary.Deadlines;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Commitments on a case ("what we will do so this never happens again"), their progress notes, done and waived.
 */
@Stateless
public class Commitments {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Cases cases;

    @EJB
    Users users;

    @EJB
    Deadlines deadlines;

    @Inject
    AmendsClock clock;

    @Inject
    Event<ProgressShared> progress;

    /** Fired when a progress note meant for the client is written: the case's contacts are kept informed by mail. */
    public record ProgressShared(long caseId, long commitmentId, String note) {
    }

    public record MakeCommitment(@NotBlank @Size(max = 2000) String description, @NotNull Instant dueAt,
                                 @Size(max = 80) String owner) {
    }

    public Commitment make(@NotNull Caller caller, long caseId, @NotNull @Valid MakeCommitment command) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        if (!apologyCase.getStatus().isActive()) {
            throw new Refused("case-not-active", "The case is " + apologyCase.getStatus() + "; reopen it to add a commitment");
        }
        Long ownerId = apologyCase.getOwnerId();
        if (command.owner() != null && !command.owner().isBlank()) {
            ownerId = users.findByUsername(command.owner()).filter(u -> u.getRoles().stream().anyMatch(Role::isStaff))
                    .map(AppUser::getId)
                    .orElseThrow(() -> new Invalid("owner", command.owner() + " is not a staff member"));
        }
        Commitment commitment;
        try {
            commitment = new Commitment(caseId, command.description(), ownerId, command.dueAt(), clock.now());
        } catch (IllegalArgumentException e) {
            throw new Invalid("dueAt", e.getMessage());
        }
        em.persist(commitment);
        em.flush();
        deadlines.commitmentMade(commitment);
        cases.record(apologyCase, caller, "COMMITMENT_MADE", "We committed to: " + commitment.getDescription() + " (by "
                + DateTimeFormatter.ISO_LOCAL_DATE.format(commitment.getDueAt().atZone(java.time.ZoneOffset.UTC)) + ")", true);
        return commitment;
    }

    public List<Commitment> ofCase(@NotNull Caller caller, long caseId) {
        cases.get(caller, caseId);
        return em.createNamedQuery(Commitment.OF_CASE, Commitment.class).setParameter("case", caseId).getResultList();
    }

    public List<CommitmentNote> notes(@NotNull Caller caller, long caseId, long commitmentId) {
        Commitment commitment = get(caller, caseId, commitmentId);
        return em.createNamedQuery(CommitmentNote.OF_COMMITMENT, CommitmentNote.class).setParameter("commitment", commitment.getId())
                .getResultStream().filter(n -> !caller.isClient() || n.isVisibleToClient()).toList();
    }

    public CommitmentNote note(@NotNull Caller caller, long caseId, long commitmentId, @NotBlank @Size(max = 2000) String text,
                               boolean visibleToClient) {
        Commitment commitment = get(caller, caseId, commitmentId);
        CommitmentNote note = new CommitmentNote(commitment.getId(), clock.now(), caller.username(), text, visibleToClient);
        em.persist(note);
        cases.record(cases.get(caller, caseId), caller, "COMMITMENT_PROGRESS", "Progress on \"" + commitment.getDescription() + "\": "
                + note.getNote(), visibleToClient);
        if (visibleToClient) {
            progress.fire(new ProgressShared(caseId, commitment.getId(), note.getNote()));
        }
        return note;
    }

    public Commitment done(@NotNull Caller caller, long caseId, long commitmentId) {
        Commitment commitment = get(caller, caseId, commitmentId);
        Instant now = clock.now();
        commitment.done(now);
        deadlines.commitmentSettled(commitment, now);
        cases.record(cases.get(caller, caseId), caller, "COMMITMENT_DONE", "Done: " + commitment.getDescription(), true);
        return commitment;
    }

    public Commitment waive(@NotNull Caller caller, long caseId, long commitmentId, @NotBlank @Size(max = 1000) String reason) {
        Commitment commitment = get(caller, caseId, commitmentId);
        Instant now = clock.now();
        commitment.waive(reason, now);
        deadlines.commitmentSettled(commitment, now);
        cases.record(cases.get(caller, caseId), caller, "COMMITMENT_WAIVED", "No longer needed: " + commitment.getDescription()
                + " (" + reason.strip() + ")", true);
        return commitment;
    }

    private Commitment get(Caller caller, long caseId, long commitmentId) {
        cases.get(caller, caseId);
        Commitment commitment = em.find(Commitment.class, commitmentId);
        if (commitment == null || !commitment.getCaseId().equals(caseId)) {
            throw new NotFound("Commitment", commitmentId);
        }
        return commitment;
    }
}
