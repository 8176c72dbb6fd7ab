package io.amends.portal.boundary;

import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.boundary.Apologies;
import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.Commitments;
import io.amends.cases.boundary.Ratings;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.CaseRating;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.Commitment;
import io.amends.compensation.entity.CompensationKind;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.compensation.entity.ProposalStatus;
import io.amends.fulfillment.discounts.boundary.Discounts;
import io.amends.fulfillment.discounts.control.Codes;
import io.amends.fulfillment.discounts.entity.DiscountCode;
import io.amends.fulfillment.orders.boundary.Orders;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Forbidden;
import io.amends.platform.entity.NotFound;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a client sees of their account's cases in the portal. Read-only; the portal's actions go through
 * {@code Cases}, {@code Messages} and {@code Ratings}.
 */
@Stateless
public class ClientCases {

    /** Proposal states the customer sees: approved and beyond (a proposal waiting for finance is not a promise yet). */
    static final Set<ProposalStatus> SHOWN = EnumSet.of(ProposalStatus.APPROVED, ProposalStatus.FULFILLING,
            ProposalStatus.FULFILLED, ProposalStatus.FAILED);

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Cases cases;

    @EJB
    Apologies apologies;

    @EJB
    Commitments commitments;

    @EJB
    Ratings ratings;

    @EJB
    Orders orders;

    @EJB
    Discounts discounts;

    @Inject
    AmendsClock clock;

    /** How fulfillment's orders and codes name the proposal they are for. */
    static final String REFERENCE = "proposal:";

    /** A line of the client's case list. */
    public record CaseSummary(long id, String key, String title, CaseStatus status, String statusText, Instant openedAt,
                              Instant resolvedAt, Instant closedAt, boolean awaitingYourConfirmation) {
    }

    /** A case as the client sees it. {@code version} lets the client's answer detect a change in between. */
    public record CaseDetail(long id, String key, String accountName, String title, String description, CaseStatus status,
                             String statusText, String channel, Instant openedAt, Instant firstContactAt, Instant resolvedAt,
                             Instant closedAt, long version, boolean awaitingYourConfirmation, boolean mayMessage,
                             List<Letter> apologies, List<Promise> commitments, List<Gift> gifts, List<Entry> timeline,
                             Rating rating) {
    }

    /** A sent apology letter. */
    public record Letter(Instant sentAt, String body) {
    }

    /** A commitment with the progress notes meant for the client. */
    public record Promise(long id, String description, Instant dueAt, String status, Instant settledAt, String waiveReason,
                          List<Note> notes) {
    }

    public record Note(Instant at, String text) {
    }

    /**
     * A gift or discount on its way to the customer. {@code orderId} and {@code deliveryStatus} are fulfillment's order
     * and its state (PENDING, SUBMITTED, ACCEPTED, SHIPPED, DELIVERED, FAILED, CANCELLED), null while it is being
     * prepared; a discount carries its {@code code} once issued, and whether it can still be used ({@code codeStatus}:
     * VALID, EXPIRED, USED_UP).
     */
    public record Gift(long id, long caseId, String caseKey, CompensationKind kind, String description, Long orderId,
                       String discountType, Long discountValue, Instant discountExpiresAt, String code, String codeStatus,
                       String deliveryStatus, String statusText) {
    }

    public record Entry(Instant at, String kind, String summary) {
    }

    public record Rating(int score, String comment, Instant ratedAt) {
    }

    /** The client's cases, newest first. */
    public List<CaseSummary> list(@NotNull Caller caller) {
        requireClient(caller);
        return em.createNamedQuery(ApologyCase.OF_ACCOUNT, ApologyCase.class).setParameter("account", caller.accountId())
                .getResultStream().map(c -> new CaseSummary(c.getId(), c.getCaseKey(), c.getTitle(), c.getStatus(),
                        statusText(c.getStatus()), c.getOpenedAt(), c.getResolvedAt(), c.getClosedAt(),
                        c.getStatus() == CaseStatus.RESOLVED)).toList();
    }

    /** One case of the client's account; "not found" for any other, as if it did not exist. */
    public CaseDetail detail(@NotNull Caller caller, long caseId) {
        requireClient(caller);
        ApologyCase c = cases.get(caller, caseId);
        CustomerAccount account = em.find(CustomerAccount.class, c.getAccountId());
        List<Letter> letters = apologies.ofCase(caller, caseId).stream().map(a -> new Letter(a.getSentAt(), a.getBody())).toList();
        List<Promise> promises = commitments.ofCase(caller, caseId).stream().map(k -> promise(caller, caseId, k)).toList();
        List<Entry> timeline = cases.timeline(caller, caseId).stream().map(ClientCases::entry).toList();
        Rating rating = ratings.of(caller, caseId).map(ClientCases::rating).orElse(null);
        return new CaseDetail(c.getId(), c.getCaseKey(), account.getName(), c.getTitle(), c.getDescription(), c.getStatus(),
                statusText(c.getStatus()), c.getChannel().name(), c.getOpenedAt(), c.getFirstContactAt(), c.getResolvedAt(),
                c.getClosedAt(), c.getVersion(), c.getStatus() == CaseStatus.RESOLVED, c.getStatus() != CaseStatus.CLOSED,
                letters, promises, gifts(c), timeline, rating);
    }

    /** One gift or discount of the client's account; "not found" for another account's, as if it did not exist. */
    public Gift gift(@NotNull Caller caller, long giftId) {
        requireClient(caller);
        CompensationProposal p = em.find(CompensationProposal.class, giftId);
        if (p == null || !caller.canSeeAccount(p.getAccountId()) || !SHOWN.contains(p.getStatus())) {
            throw new NotFound("Gift", giftId);
        }
        return gift(p, em.find(ApologyCase.class, p.getCaseId()));
    }

    /** A fulfillment order of the client's account, as the gift it is; "not found" for another account's. */
    public Gift order(@NotNull Caller caller, long orderId) {
        requireClient(caller);
        return orders.find(orderId).map(o -> o.getReference())
                .flatMap(ClientCases::proposalId).map(id -> em.find(CompensationProposal.class, id))
                .filter(p -> caller.canSeeAccount(p.getAccountId()) && SHOWN.contains(p.getStatus()))
                .map(p -> gift(p, em.find(ApologyCase.class, p.getCaseId())))
                .orElseThrow(() -> new NotFound("Order", orderId));
    }

    /**
     * A discount code the client has (typed in any layout), as the gift it is; "not found" for a code of another account,
     * exactly as for one that does not exist. Only the client's own account's discounts are searched.
     */
    public Gift code(@NotNull Caller caller, String typed) {
        requireClient(caller);
        String canonical = Codes.normalize(typed).orElseThrow(() -> new NotFound("Discount code", "(this one)"));
        return gifts(caller).stream().filter(g -> canonical.equals(g.code())).findFirst()
                .orElseThrow(() -> new NotFound("Discount code", "(this one)"));
    }

    /** All gifts and discounts of the client's account, newest first. */
    public List<Gift> gifts(@NotNull Caller caller) {
        requireClient(caller);
        return em.createQuery("SELECT p, c FROM CompensationProposal p, ApologyCase c WHERE c.id = p.caseId "
                        + "AND p.accountId = :account AND p.status IN :shown ORDER BY p.proposedAt DESC, p.id DESC", Object[].class)
                .setParameter("account", caller.accountId()).setParameter("shown", SHOWN).getResultStream()
                .map(row -> gift((CompensationProposal) row[0], (ApologyCase) row[1])).toList();
    }

    private List<Gift> gifts(ApologyCase c) {
        return em.createNamedQuery(CompensationProposal.OF_CASE, CompensationProposal.class).setParameter("case", c.getId())
                .getResultStream().filter(p -> SHOWN.contains(p.getStatus())).map(p -> gift(p, c)).toList();
    }

    private Promise promise(Caller caller, long caseId, Commitment k) {
        List<Note> notes = commitments.notes(caller, caseId, k.getId()).stream().map(n -> new Note(n.getWrittenAt(), n.getNote())).toList();
        return new Promise(k.getId(), k.getDescription(), k.getDueAt(), k.getStatus().name(), k.getSettledAt(), k.getWaiveReason(), notes);
    }

    Gift gift(CompensationProposal p, ApologyCase c) {
        boolean discount = p.getKind() == CompensationKind.DISCOUNT_CODE;
        Optional<DiscountCode> code = discount && p.getFulfillmentRef() != null
                ? discounts.byReference(REFERENCE + p.getId()).stream().reduce((first, second) -> second) : Optional.empty();
        Long orderId = null;
        try {
            orderId = p.getFulfillmentRef() == null ? null : Long.valueOf(p.getFulfillmentRef().trim());
        } catch (NumberFormatException e) {
            // a reference that is not fulfillment's order id: shown without it
        }
        return new Gift(p.getId(), c.getId(), c.getCaseKey(), p.getKind(), p.getDescription(), orderId,
                discount ? p.getDiscountType() : null, discount ? p.getDiscountValue() : null, discount ? p.getDiscountExpiresAt() : null,
                code.map(DiscountCode::getCode).orElse(null), code.map(k -> k.statusAt(clock.now()).name()).orElse(null),
                p.getFulfillmentStatus(), giftText(p));
    }

    private static Optional<Long> proposalId(String reference) {
        if (reference == null || !reference.startsWith(REFERENCE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(reference.substring(REFERENCE.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The gift's state in the customer's words. */
    static String giftText(CompensationProposal p) {
        if (p.getStatus() == ProposalStatus.FAILED) {
            return "Could not be delivered; your account manager will be in touch";
        }
        String delivery = p.getFulfillmentStatus();
        if (delivery == null || p.getStatus() == ProposalStatus.APPROVED) {
            return "Being prepared";
        }
        return switch (delivery) {
            case "SHIPPED" -> p.getKind() == CompensationKind.DISCOUNT_CODE ? "Sent to you" : "On its way";
            case "DELIVERED" -> p.getKind() == CompensationKind.DISCOUNT_CODE ? "Issued" : "Delivered";
            case "FAILED", "CANCELLED" -> "Could not be delivered; your account manager will be in touch";
            default -> "Ordered";
        };
    }

    /** The case's state in the customer's words. */
    public static String statusText(CaseStatus status) {
        return switch (status) {
            case OPEN -> "Received: we will contact you shortly";
            case CONTACTED -> "We are on it";
            case APOLOGIZED -> "We apologised and are putting it right";
            case RESOLVED -> "Resolved: please confirm";
            case CLOSED -> "Closed";
            case REOPENED -> "Reopened: we are on it again";
        };
    }

    private static Entry entry(CaseEvent e) {
        return new Entry(e.getOccurredAt(), e.getKind(), e.getSummary());
    }

    private static Rating rating(CaseRating r) {
        return new Rating(r.getScore(), r.getComment(), r.getRatedAt());
    }

    private static void requireClient(Caller caller) {
        if (!caller.isClient() || caller.accountId() == null) {
            throw new Forbidden("The portal shows a client their own account's cases");
        }
    }
}
