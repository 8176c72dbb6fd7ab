package io.amends.compensation.boundary;

import io.amends.accounts.entity.Contact;
import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.compensation.entity.CompensationKind;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.orders.boundary.DiscountRedeemed;
import io.amends.fulfillment.orders.boundary.DiscountTerms;
import io.amends.fulfillment.orders.boundary.DiscountType;
import io.amends.fulfillment.orders.boundary.OrderChanged;
import io.amends.fulfillment.orders.boundary.OrderReceipt;
import io.amends.fulfillment.orders.boundary.OrderRequest;
import io.amends.fulfillment.orders.boundary.Orders;
import io.amends.fulfillment.orders.boundary.Recipient;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Where compensation meets fulfillment: an approved proposal becomes a gift order in the approving transaction (the
 * order row is the outbox, so an approval is never lost and never sent twice), and what fulfillment reports back
 * (shipped, delivered, failed, a discount code redeemed) reaches the case's timeline and the audit trail.
 *
 * <p>The fulfillment module knows nothing of cases: it gets an opaque reference {@code proposal:<id>} and an
 * idempotency key, and reports through CDI events, which arrive here in fulfillment's transaction.
 */
@ApplicationScoped
public class Fulfilling {

    static final String REFERENCE = "proposal:";
    private static final Caller FULFILLMENT = Caller.system("fulfillment");

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Orders orders;

    @EJB
    Cases cases;

    @EJB
    Users users;

    @EJB
    AuditTrail audit;

    void handOver(@Observes(during = TransactionPhase.IN_PROGRESS) Proposals.ProposalApproved approved) {
        CompensationProposal proposal = em.find(CompensationProposal.class, approved.proposalId());
        ApologyCase apologyCase = em.find(ApologyCase.class, proposal.getCaseId());
        Contact contact = em.find(Contact.class, proposal.getContactId());
        String sender = Optional.ofNullable(apologyCase.getOwnerId()).flatMap(users::find).map(AppUser::getDisplayName).orElse(null);
        Recipient recipient = new Recipient(contact.getName(), contact.getStreet(), contact.getPostalCode(), contact.getCity(),
                contact.getCountry() == null ? "ZZ" : contact.getCountry(), contact.getEmail());
        DiscountTerms terms = proposal.getKind() == CompensationKind.DISCOUNT_CODE
                ? new DiscountTerms(DiscountType.valueOf(proposal.getDiscountType()), proposal.getDiscountValue(), proposal.getCurrency(),
                        proposal.getDiscountExpiresAt(), 1)
                : null;
        OrderReceipt receipt = orders.place(new OrderRequest("proposal-" + proposal.getId(), REFERENCE + proposal.getId(),
                GiftKind.valueOf(proposal.getKind().name()), proposal.getCatalogItemId(), recipient, proposal.getCardMessage(), sender,
                proposal.getCostMinor(), proposal.getCurrency(), terms));
        proposal.handedOver(String.valueOf(receipt.orderId()));
        proposal.fulfillment(receipt.status());
        String what = proposal.getKind() == CompensationKind.DISCOUNT_CODE
                ? "A discount code is ready for you: " + receipt.discountCode()
                : proposal.getDescription() + " for " + contact.getName() + " are being prepared";
        cases.record(apologyCase, FULFILLMENT, "GIFT_ORDERED", what, true);
    }

    void orderChanged(@Observes(during = TransactionPhase.IN_PROGRESS) OrderChanged change) {
        proposalOf(change.reference()).ifPresent(proposal -> {
            String before = proposal.getFulfillmentStatus();
            proposal.fulfillment(change.status());
            if (before == null || before.equals(change.status())) {
                return; // the hand-over itself, or nothing new
            }
            ApologyCase apologyCase = em.find(ApologyCase.class, proposal.getCaseId());
            String gift = proposal.getDescription();
            switch (change.status()) {
                case "SHIPPED" -> cases.record(apologyCase, FULFILLMENT, "GIFT_SHIPPED", gift + " are on their way", true);
                case "DELIVERED" -> cases.record(apologyCase, FULFILLMENT, "GIFT_DELIVERED", gift + " were delivered", true);
                case "FAILED", "CANCELLED" -> cases.record(apologyCase, FULFILLMENT, "GIFT_FAILED", gift + " could not be sent ("
                        + change.detail() + "); the case owner has been told and will propose something else", false);
                default -> cases.record(apologyCase, FULFILLMENT, "GIFT_" + change.status(), gift + ": " + change.status().toLowerCase(), false);
            }
        });
    }

    /** Every redemption is audited: against its case for a compensation, on its own for a goodwill code. */
    void redeemed(@Observes(during = TransactionPhase.IN_PROGRESS) DiscountRedeemed redemption) {
        String details = "Code " + redemption.code() + " redeemed for storefront order " + redemption.storefrontOrderReference()
                + " (" + redemption.redemptionsSoFar() + " so far; reference " + redemption.reference() + ")";
        Optional<CompensationProposal> proposal = proposalOf(redemption.reference());
        if (proposal.isPresent()) {
            ApologyCase apologyCase = em.find(ApologyCase.class, proposal.get().getCaseId());
            audit.append(AuditEvent.of(FULFILLMENT, "DISCOUNT_REDEEMED", apologyCase.getCaseKey(), proposal.get().getAccountId(), details)
                    .withMoney(proposal.get().getCostMinor(), proposal.get().getCurrency()));
        } else {
            audit.append(AuditEvent.of(FULFILLMENT, "DISCOUNT_REDEEMED", null, null, details));
        }
    }

    private Optional<CompensationProposal> proposalOf(String reference) {
        if (reference == null || !reference.startsWith(REFERENCE)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(em.find(CompensationProposal.class, Long.parseLong(reference.substring(REFERENCE.length()))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
