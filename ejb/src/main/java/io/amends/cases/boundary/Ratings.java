package io.amends.cases.boundary;

import io.amends.cases.control.Csat;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseRating;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.RootCause;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Forbidden;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.Refused;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The customer rates how their case was resolved (1 to 5 and a comment), and the ratings feed the CSAT report that
 * tells what works: by root cause, account manager, compensation kind and time to first contact.
 */
@Stateless
public class Ratings {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Cases cases;

    @Inject
    AmendsClock clock;

    /**
     * Rates a resolved or closed case of the caller's own account; rating again changes the rating. Only the customer
     * rates: a rating by staff would not be the customer's voice. The case row is locked, so two answers at once are
     * taken one after the other (the later wins) rather than one failing.
     */
    public CaseRating rate(@NotNull Caller caller, long caseId, int score, @Size(max = 2000) String comment) {
        if (!caller.isClient()) {
            throw new Forbidden("Only the customer rates the resolution of their case");
        }
        ApologyCase apologyCase = cases.get(caller, caseId);
        if (apologyCase.getStatus() != CaseStatus.RESOLVED && apologyCase.getStatus() != CaseStatus.CLOSED) {
            throw new Refused("case-not-resolved", "Case " + apologyCase.getCaseKey() + " is " + apologyCase.getStatus()
                    + "; you can rate it once it is resolved");
        }
        em.lock(apologyCase, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        CaseRating rating = em.find(CaseRating.class, caseId);
        boolean changed = rating != null;
        try {
            if (rating == null) {
                rating = new CaseRating(caseId, apologyCase.getAccountId(), score, comment, caller.username(), now);
                em.persist(rating);
            } else {
                rating.change(score, comment, caller.username(), now);
            }
        } catch (IllegalArgumentException e) {
            throw new Invalid("score", e.getMessage());
        }
        cases.record(apologyCase, caller, "RATED", (changed ? "You changed your rating to " : "You rated the resolution ")
                + score + " of 5" + (rating.getComment() == null ? "" : ": " + rating.getComment()), true);
        return rating;
    }

    public Optional<CaseRating> of(@NotNull Caller caller, long caseId) {
        cases.get(caller, caseId);
        return Optional.ofNullable(em.find(CaseRating.class, caseId));
    }

    /** CSAT over the ratings given in {@code [from, to)}. */
    public Csat.Report csat(@NotNull Instant from, @NotNull Instant to) {
        List<Object[]> rows = em.createQuery("SELECT r, c FROM CaseRating r, ApologyCase c WHERE c.id = r.caseId "
                        + "AND r.ratedAt >= :from AND r.ratedAt < :to", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList();
        if (rows.isEmpty()) {
            return Csat.of(List.of());
        }
        Map<Long, String> causes = em.createNamedQuery(RootCause.ALL, RootCause.class).getResultStream()
                .collect(Collectors.toMap(RootCause::getId, RootCause::getCode));
        Map<Long, String> managers = em.createQuery("SELECT u FROM AppUser u WHERE u.id IN (SELECT c.ownerId FROM CaseRating r, "
                        + "ApologyCase c WHERE c.id = r.caseId)", AppUser.class).getResultStream()
                .collect(Collectors.toMap(AppUser::getId, AppUser::getUsername));
        Map<Long, Set<String>> kinds = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> given = em.createNativeQuery("SELECT p.case_id, p.kind FROM compensation_proposal p JOIN case_rating r "
                + "ON r.case_id = p.case_id WHERE p.status IN ('APPROVED', 'FULFILLING', 'FULFILLED')").getResultList();
        for (Object[] row : given) {
            kinds.computeIfAbsent(((Number) row[0]).longValue(), k -> new HashSet<>()).add(((String) row[1]).trim());
        }
        List<Csat.Rated> rated = rows.stream().map(row -> {
            CaseRating rating = (CaseRating) row[0];
            ApologyCase c = (ApologyCase) row[1];
            Duration wait = c.getFirstContactAt() == null ? null : Duration.between(c.getOpenedAt(), c.getFirstContactAt());
            return new Csat.Rated(rating.getScore(), c.getRootCauseId() == null ? null : causes.get(c.getRootCauseId()),
                    c.getOwnerId() == null ? null : managers.get(c.getOwnerId()), kinds.getOrDefault(c.getId(), Set.of()), wait);
        }).toList();
        return Csat.of(rated);
    }
}
