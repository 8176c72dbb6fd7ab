package io.amends.sla.boundary;

import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Commitment;
import io.amends.platform.control.AmendsClock;
import io.amends.sla.entity.ClockKind;
import io.amends.sla.entity.ClockState;
import io.amends.sla.entity.SlaClock;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Marks one passed deadline as breached and escalates it, in a transaction of its own.
 *
 * <p>Exactly once, whichever node gets there first: the clock row's version column makes a second, concurrent
 * breach of the same deadline fail at commit, and a breach that already happened is skipped.
 */
@Stateless
public class Escalations {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    @EJB
    Cases cases;

    @EJB
    Users users;

    @Inject
    Event<SlaBreached> breaches;

    @Inject
    @ConfigProperty(name = "amends.sla.escalation-group", defaultValue = "sla-escalations@amends.example")
    String escalationGroup;

    /** Fired in the breaching transaction, so a mail outbox row written by an observer commits with it. */
    public record SlaBreached(long caseId, String caseKey, ClockKind kind, Instant dueAt, String escalatedTo, String ownerUsername) {
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean breach(long clockId) {
        SlaClock deadline = em.find(SlaClock.class, clockId);
        if (deadline == null || deadline.getState() != ClockState.RUNNING) {
            return false;
        }
        Instant now = clock.now();
        ApologyCase apologyCase = em.find(ApologyCase.class, deadline.getCaseId());
        Optional<AppUser> owner = Optional.ofNullable(apologyCase.getOwnerId()).flatMap(users::find);
        String escalatedTo = owner.map(AppUser::getManagerId).flatMap(users::find).map(AppUser::getUsername).orElse(escalationGroup);
        deadline.breached(now, escalatedTo);
        apologyCase.markBreached();
        String what = switch (deadline.getKind()) {
            case FIRST_CONTACT -> "First contact";
            case RESOLUTION -> "Resolution";
            case COMMITMENT -> {
                Commitment commitment = em.find(Commitment.class, deadline.getCommitmentId());
                commitment.missed();
                yield "Commitment \"" + commitment.getDescription() + "\"";
            }
        };
        cases.record(apologyCase, Caller.system("sla-sweep"), "SLA_BREACHED", what + " was due " + deadline.getDueAt()
                + " and is overdue; escalated to " + escalatedTo, false);
        breaches.fire(new SlaBreached(apologyCase.getId(), apologyCase.getCaseKey(), deadline.getKind(), deadline.getDueAt(),
                escalatedTo, owner.map(AppUser::getUsername).orElse(null)));
        em.flush();
        return true;
    }
}
