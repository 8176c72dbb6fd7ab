package io.amends.sla.boundary;

import io.amends.accounts.entity.Tier;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Commitment;
import io.amends.cases.entity.CommitmentStatus;
import io.amends.cases.entity.Severity;
import io.amends.sla.entity.ClockKind;
import io.amends.sla.entity.SlaClock;
import io.amends.sla.entity.SlaPolicy;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * SLA deadlines: computed at intake from the policy for the case's severity and the customer's tier, kept as rows.
 *
 * <p>Deadlines run on calendar time (24/7): an apology that waits for Monday is a late apology. Business hours
 * and holidays are a deliberate omission, stated in docs/cases.md.
 */
@Stateless
public class Deadlines {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    /** The two deadlines of a case at intake. */
    public record Due(Instant firstContact, Instant resolution) {
    }

    public Due forIntake(Severity severity, Tier tier, Instant openedAt) {
        SlaPolicy policy = em.find(SlaPolicy.class, new SlaPolicy.Key(severity, tier));
        Duration firstContact = policy == null ? Duration.ofHours(24) : policy.firstContactWithin();
        Duration resolution = policy == null ? Duration.ofDays(7) : policy.resolutionWithin();
        return new Due(openedAt.plus(firstContact), openedAt.plus(resolution));
    }

    public Duration resolutionWithin(Severity severity, Tier tier) {
        SlaPolicy policy = em.find(SlaPolicy.class, new SlaPolicy.Key(severity, tier));
        return policy == null ? Duration.ofDays(7) : policy.resolutionWithin();
    }

    public void startIntakeClocks(ApologyCase apologyCase) {
        em.persist(new SlaClock(apologyCase.getId(), ClockKind.FIRST_CONTACT, null, apologyCase.getFirstContactDue()));
        em.persist(new SlaClock(apologyCase.getId(), ClockKind.RESOLUTION, null, apologyCase.getResolutionDue()));
    }

    /** The first contact was made: that clock is met. */
    public void firstContactMade(ApologyCase apologyCase, Instant at) {
        settle(apologyCase.getId(), ClockKind.FIRST_CONTACT, null, at, true);
    }

    /** The case was resolved: its resolution clock is met and any running commitment clock no longer matters. */
    public void resolved(ApologyCase apologyCase) {
        settle(apologyCase.getId(), ClockKind.RESOLUTION, null, apologyCase.getResolvedAt(), true);
    }

    /** A reopened case gets a new resolution clock. */
    public void reopened(ApologyCase apologyCase) {
        em.persist(new SlaClock(apologyCase.getId(), ClockKind.RESOLUTION, null, apologyCase.getResolutionDue()));
    }

    public void commitmentMade(Commitment commitment) {
        em.persist(new SlaClock(commitment.getCaseId(), ClockKind.COMMITMENT, commitment.getId(), commitment.getDueAt()));
    }

    public void commitmentSettled(Commitment commitment, Instant at) {
        settle(commitment.getCaseId(), ClockKind.COMMITMENT, commitment.getId(), at, commitment.getStatus() == CommitmentStatus.DONE);
    }

    private void settle(long caseId, ClockKind kind, Long commitmentId, Instant at, boolean met) {
        for (SlaClock running : em.createNamedQuery(SlaClock.RUNNING_OF_CASE, SlaClock.class).setParameter("case", caseId).getResultList()) {
            if (running.getKind() == kind && (commitmentId == null || commitmentId.equals(running.getCommitmentId()))) {
                if (met) {
                    running.met(at);
                } else {
                    running.cancel(at);
                }
            }
        }
    }

    /** Ids of running deadlines that have passed, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return em.createNamedQuery(SlaClock.DUE, SlaClock.class).setParameter("now", now).setMaxResults(limit)
                .getResultStream().map(SlaClock::getId).toList();
    }

    public List<SlaClock> ofCase(long caseId) {
        return em.createNamedQuery(SlaClock.OF_CASE, SlaClock.class).setParameter("case", caseId).getResultList();
    }

    /** An administrator sets how soon a severity and tier must be contacted and resolved; audited. */
    public SlaPolicy changePolicy(io.amends.users.entity.Caller caller, Severity severity, Tier tier, int firstContactMinutes,
                                  int resolutionMinutes) {
        SlaPolicy policy = em.find(SlaPolicy.class, new SlaPolicy.Key(severity, tier));
        if (policy == null) {
            throw new io.amends.platform.entity.NotFound("SLA policy", severity + "/" + tier);
        }
        em.refresh(policy); // the row as it is now: another node may have changed it within the minute this node remembers it
        int before = policy.getFirstContactMinutes();
        int beforeResolution = policy.getResolutionMinutes();
        try {
            policy.change(firstContactMinutes, resolutionMinutes);
        } catch (IllegalArgumentException e) {
            throw new io.amends.platform.entity.Invalid("firstContactMinutes", e.getMessage());
        }
        audit.append(io.amends.audit.boundary.AuditEvent.of(caller, "SLA_POLICY_CHANGED", null, null, severity + "/" + tier
                + ": first contact " + before + " → " + firstContactMinutes + " min, resolution " + beforeResolution + " → "
                + resolutionMinutes + " min"));
        return policy;
    }

    @jakarta.ejb.EJB
    io.amends.audit.boundary.AuditTrail audit;

    public List<SlaPolicy> policies() {
        return em.createNamedQuery(SlaPolicy.ALL, SlaPolicy.class).getResultList();
    }
}
