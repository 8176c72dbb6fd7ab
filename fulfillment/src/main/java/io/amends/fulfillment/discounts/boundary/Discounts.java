package io.amends.fulfillment.discounts.boundary;

import io.amends.fulfillment.NoNul;
import io.amends.fulfillment.FulfillmentClock;
import io.amends.fulfillment.FulfillmentInvalid;
import io.amends.fulfillment.discounts.control.CodeGenerator;
import io.amends.fulfillment.discounts.control.Codes;
import io.amends.fulfillment.discounts.entity.CodeRedemption;
import io.amends.fulfillment.discounts.entity.CodeStatus;
import io.amends.fulfillment.discounts.entity.DiscountCode;
import io.amends.fulfillment.orders.boundary.DiscountRedeemed;
import io.amends.fulfillment.orders.boundary.DiscountTerms;
import io.amends.fulfillment.orders.boundary.DiscountType;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Discount codes: issued (for a discount-code order, or by hand as goodwill), validated and redeemed by storefronts.
 *
 * <p>Redeeming locks the code's row ({@code SELECT ... FOR UPDATE}) for the rest of the transaction, so concurrent
 * redemptions of one code queue up and each sees the count and the redemptions the previous ones committed: the limit
 * is never exceeded and a repeated request for the same storefront order finds its first redemption. The unique
 * constraint on (code, storefront, order reference) and the check {@code redeemed <= redemption_limit} back both
 * rules in the database.
 */
@Stateless
public class Discounts {

    private static final int GENERATION_TRIES = 5;

    @PersistenceContext(unitName = "fulfillment")
    EntityManager em;

    @Inject
    FulfillmentClock clock;

    @Inject
    Event<DiscountRedeemed> redemptions;

    @Inject
    Event<GoodwillCodeIssued> goodwill;

    private final CodeGenerator generator = new CodeGenerator();

    /** What a storefront learns about a code. For an unknown code only the status; nothing reveals which codes exist. */
    public record Validation(CodeStatus status, String code, DiscountType type, Long value, String currency, Instant expiresAt,
                             Integer remaining) {
        static Validation unknown() {
            return new Validation(CodeStatus.UNKNOWN, null, null, null, null, null, null);
        }

        static Validation of(DiscountCode code, Instant now) {
            return new Validation(code.statusAt(now), code.getCode(), code.getType(), code.getValue(), code.getCurrency(),
                    code.getExpiresAt(), code.remaining());
        }
    }

    /** How a redemption request ended. */
    public enum Outcome {
        /** Redeemed now. */
        REDEEMED,
        /** This storefront order had redeemed the code before; nothing changed. */
        ALREADY_REDEEMED,
        /** Not redeemed: the validation says why (unknown, expired, used up). */
        REFUSED
    }

    public record Redemption(Outcome outcome, Validation code, Integer redemptionNumber, Instant redeemedAt) {
    }

    /** A code issued by hand, with the code itself: the only time it is shown whole. */
    public record Issued(DiscountCode code) {
    }

    /**
     * Issues a code in the caller's transaction (a discount-code order is written in the same one).
     *
     * @throws FulfillmentInvalid when the terms make no sense (a 120 % discount, an amount without currency, a past expiry)
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public DiscountCode issue(@NotNull @Valid DiscountTerms terms, @NotBlank String reference, @NotBlank String issuedBy, String reason) {
        Instant now = clock.now();
        for (int attempt = 1; attempt <= GENERATION_TRIES; attempt++) {
            String candidate = generator.next();
            // 63 random bits: a clash needs billions of codes; the unique constraint stays the last word
            if (em.createNamedQuery(DiscountCode.COUNT_CODE, Long.class).setParameter("code", candidate).getSingleResult() > 0) {
                continue;
            }
            DiscountCode code;
            try {
                code = new DiscountCode(candidate, terms, reference, issuedBy, reason, now);
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new FulfillmentInvalid("discount", e.getMessage());
            }
            em.persist(code);
            em.flush();
            return code;
        }
        throw new IllegalStateException("No unused code in " + GENERATION_TRIES + " tries; the generator is broken");
    }

    /** A goodwill code issued by hand by an administrator, with the reason they give; audited through the event. */
    public Issued issueGoodwill(@NotNull @Valid DiscountTerms terms, @NotBlank @Size(max = 1000) @NoNul String reason,
                                @Size(max = 120) @NoNul String reference, @NotBlank String issuedBy) {
        String ref = reference == null || reference.isBlank() ? "goodwill" : reference.strip();
        DiscountCode code = issue(terms, ref, issuedBy, reason);
        goodwill.fire(new GoodwillCodeIssued(code.getId(), code.shortened(), code.getReference(), code.getReason(), code.getIssuedBy(),
                code.getType(), code.getValue(), code.getCurrency(), code.getExpiresAt(), code.getRedemptionLimit(), code.getIssuedAt()));
        return new Issued(code);
    }

    public Optional<DiscountCode> find(long id) {
        return Optional.ofNullable(em.find(DiscountCode.class, id));
    }

    public List<DiscountCode> byReference(@NotNull String reference) {
        return em.createNamedQuery(DiscountCode.BY_REFERENCE, DiscountCode.class).setParameter("reference", reference).getResultList();
    }

    /**
     * Whether a typed code can be used now. Input that cannot be a code is UNKNOWN without a look at the database.
     * A read, so it joins a transaction if there is one and opens none: storefronts ask thousands of times a second.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Validation validate(String typed) {
        Optional<String> canonical = Codes.normalize(typed);
        if (canonical.isEmpty()) {
            return Validation.unknown();
        }
        return byCode(canonical.get(), false).map(c -> Validation.of(c, clock.now())).orElseGet(Validation::unknown);
    }

    /**
     * Redeems a typed code for one storefront order, once: the same storefront and order reference again answers
     * {@link Outcome#ALREADY_REDEEMED} and changes nothing. Fires {@link DiscountRedeemed} for a new redemption.
     */
    public Redemption redeem(String typed, @NotBlank @Size(max = 120) @NoNul String orderReference,
                             @NotBlank @Size(max = 160) String storefront) {
        Optional<String> canonical = Codes.normalize(typed);
        if (canonical.isEmpty()) {
            return new Redemption(Outcome.REFUSED, Validation.unknown(), null, null);
        }
        Optional<DiscountCode> found = byCode(canonical.get(), true);
        if (found.isEmpty()) {
            return new Redemption(Outcome.REFUSED, Validation.unknown(), null, null);
        }
        DiscountCode code = found.get();
        Instant now = clock.now();
        String order = orderReference.strip();
        Optional<CodeRedemption> earlier = em.createNamedQuery(CodeRedemption.FOR_ORDER, CodeRedemption.class)
                .setParameter("code", code.getId()).setParameter("storefront", storefront).setParameter("order", order)
                .getResultStream().findFirst();
        if (earlier.isPresent()) {
            return new Redemption(Outcome.ALREADY_REDEEMED, Validation.of(code, now), earlier.get().getNumber(),
                    earlier.get().getRedeemedAt());
        }
        if (code.statusAt(now) != CodeStatus.VALID) {
            return new Redemption(Outcome.REFUSED, Validation.of(code, now), null, null);
        }
        int number = code.redeem(now);
        em.persist(new CodeRedemption(code.getId(), storefront, order, number, now));
        em.flush();
        redemptions.fire(new DiscountRedeemed(code.getCode(), code.getReference(), order, number, now));
        return new Redemption(Outcome.REDEEMED, Validation.of(code, now), number, now);
    }

    private Optional<DiscountCode> byCode(String canonical, boolean lock) {
        var query = em.createNamedQuery(DiscountCode.BY_CODE, DiscountCode.class).setParameter("code", canonical);
        if (lock) {
            query.setLockMode(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.getResultStream().findFirst();
    }
}
