package io.amends.fulfillment.orders.boundary;

import io.amends.fulfillment.FulfillmentClock;
import io.amends.fulfillment.FulfillmentInvalid;
import io.amends.fulfillment.FulfillmentNotFound;
import io.amends.fulfillment.FulfillmentRefused;
import io.amends.fulfillment.catalog.boundary.Catalog;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.discounts.boundary.Discounts;
import io.amends.fulfillment.discounts.entity.DiscountCode;
import io.amends.fulfillment.orders.control.Journal;
import io.amends.fulfillment.orders.control.OutboxSettings;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderHistory;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Gift orders: handed over in the caller's transaction, sent by the outbox ({@link Dispatcher}), moved on by the
 * vendors' reports, cancelled on request. Every change of status writes a history row and fires {@link OrderChanged}.
 */
@Stateless
public class Orders {

    @PersistenceContext(unitName = "fulfillment")
    EntityManager em;

    @EJB
    Catalog catalog;

    @EJB
    Discounts discounts;

    @Inject
    Journal journal;

    @Inject
    OutboxSettings settings;

    @Inject
    FulfillmentClock clock;

    /** What became of a vendor's report. */
    public enum Applied { APPLIED, IGNORED, UNKNOWN_ORDER }

    public record Report(Applied result, Long orderId, String status, String detail) {
    }

    /**
     * Takes an order in the caller's transaction, which must exist: the order row commits with the decision that made
     * it, or not at all (the transactional outbox). Nothing is sent here; a gift goes out within seconds of the commit.
     *
     * <p>Idempotent: a request with an idempotency key that was used before answers the first receipt and writes
     * nothing (and is refused if it describes a different order). Two concurrent first requests with one key cannot
     * both commit: the unique constraint fails the second transaction.
     *
     * <p>A discount code is issued here and now and is the gift: the order is DELIVERED at once and the receipt
     * carries the code.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public OrderReceipt place(@NotNull @Valid OrderRequest request) {
        Optional<GiftOrder> earlier = em.createNamedQuery(GiftOrder.BY_KEY, GiftOrder.class)
                .setParameter("key", request.idempotencyKey().strip()).getResultStream().findFirst();
        if (earlier.isPresent()) {
            GiftOrder order = earlier.get();
            if (!order.getReference().equals(request.reference().strip()) || order.getKind() != request.kind()
                    || !Objects.equals(order.getCatalogItemId(), request.catalogItemId())) {
                throw new FulfillmentRefused("idempotency-key-reused", "The idempotency key " + request.idempotencyKey()
                        + " was used for a different order (" + order.getId() + ")");
            }
            return receipt(order);
        }
        Instant now = clock.now();
        GiftOrder order;
        GiftOrder.Step first;
        if (request.kind() == GiftKind.DISCOUNT_CODE) {
            if (request.discount() == null) {
                throw new FulfillmentInvalid("discount", "A discount-code order needs its terms: type, value, expiry, redemption limit");
            }
            if (request.catalogItemId() != null) {
                throw new FulfillmentInvalid("catalogItemId", "A discount code is not a catalog item");
            }
            DiscountCode code = discounts.issue(request.discount(), request.reference().strip(), "order:" + request.idempotencyKey().strip(),
                    "Discount-code order");
            order = orderOrInvalid(() -> GiftOrder.discountCode(request.idempotencyKey(), request.reference(), code.getId(),
                    request.recipient(), request.message(), request.senderName(), request.costMinor(), request.currency(), now));
            first = new GiftOrder.Step(null, OrderStatus.DELIVERED, "Discount code " + code.shortened() + " issued: "
                    + code.describeValue() + ", until " + DateTimeFormatter.ISO_INSTANT.format(code.getExpiresAt().truncatedTo(ChronoUnit.SECONDS))
                    + ", " + code.getRedemptionLimit() + " redemption(s)", now);
        } else {
            if (request.discount() != null) {
                throw new FulfillmentInvalid("discount", "Discount terms belong to discount-code orders only");
            }
            if (request.catalogItemId() == null) {
                throw new FulfillmentInvalid("catalogItemId", "Name the catalog item to send");
            }
            CatalogItem item = catalog.find(request.catalogItemId())
                    .orElseThrow(() -> new FulfillmentInvalid("catalogItemId", "There is no catalog item " + request.catalogItemId()));
            if (item.getKind() != request.kind()) {
                throw new FulfillmentInvalid("catalogItemId", "Catalog item " + item.getId() + " is " + item.getKind() + ", not " + request.kind());
            }
            if (!item.availableIn(request.recipient().country())) {
                throw new FulfillmentInvalid("recipient.country", "\"" + item.getName() + "\" is not offered in " + request.recipient().country());
            }
            order = orderOrInvalid(() -> GiftOrder.gift(request.idempotencyKey(), request.reference(), request.kind(), item.getId(),
                    item.getVendor(), item.getSku(), request.recipient(), request.message(), request.senderName(), request.costMinor(),
                    request.currency(), now));
            first = new GiftOrder.Step(null, OrderStatus.PENDING, "\"" + item.getName() + "\" waits to be sent to " + item.getVendor(), now);
        }
        em.persist(order);
        em.flush();
        journal.write(order, first);
        return receipt(order);
    }

    /**
     * An order for trying a vendor's integration from the administration: a real order of a catalog item (a vendor in
     * test mode does not deliver it), through the same outbox. Reference {@code vendor-test:<actor>}.
     */
    public OrderReceipt placeTest(@NotBlank String vendor, long catalogItemId, @NotNull @Valid Recipient recipient,
                                  @Size(max = 2000) String message, @NotBlank String actor) {
        CatalogItem item = catalog.find(catalogItemId).orElseThrow(() -> new FulfillmentNotFound("Catalog item", catalogItemId));
        if (!item.getVendor().equalsIgnoreCase(vendor.strip())) {
            throw new FulfillmentInvalid("catalogItemId", "Catalog item " + catalogItemId + " comes from " + item.getVendor() + ", not " + vendor);
        }
        return place(new OrderRequest("vendor-test:" + UUID.randomUUID(), "vendor-test:" + actor, item.getKind(), item.getId(), recipient,
                message, actor, item.getPriceMinor(), item.getCurrency(), null));
    }

    public Optional<GiftOrder> find(long id) {
        return Optional.ofNullable(em.find(GiftOrder.class, id));
    }

    public List<GiftOrder> byReference(@NotNull String reference) {
        return em.createNamedQuery(GiftOrder.BY_REFERENCE, GiftOrder.class).setParameter("reference", reference).getResultList();
    }

    public List<OrderHistory> history(long orderId) {
        return em.createNamedQuery(OrderHistory.OF_ORDER, OrderHistory.class).setParameter("order", orderId).getResultList();
    }

    /** The receipt of an order, with the code for a discount-code order. */
    public OrderReceipt receipt(GiftOrder order) {
        String code = order.getDiscountCodeId() == null ? null
                : discounts.find(order.getDiscountCodeId()).map(DiscountCode::getCode).orElse(null);
        return new OrderReceipt(order.getId(), order.getStatus().name(), code);
    }

    /**
     * Cancels an order: at once while it waits in the outbox; through the vendor when it has been sent (the outbox
     * sends the cancellation, and the order becomes CANCELLED when the vendor confirms). Refused once shipped.
     */
    public GiftOrder cancel(long orderId) {
        GiftOrder order = find(orderId).orElseThrow(() -> new FulfillmentNotFound("Order", orderId));
        GiftOrder.Step step;
        try {
            step = order.cancel(clock.now());
        } catch (IllegalStateException e) {
            throw new FulfillmentRefused("order-not-cancellable", e.getMessage());
        }
        if (step == null) {
            journal.write(order, new GiftOrder.Step(order.getStatus(), order.getStatus(), "Cancellation requested; asking " + order.getVendor(),
                    clock.now()));
        } else {
            journal.write(order, step);
        }
        em.flush();
        return order;
    }

    /**
     * A vendor's report (a verified callback, or the simulated vendor's): moves the order on, or changes nothing and
     * says why (a duplicate, a report that goes backwards, an order that is final), or names no order we know.
     */
    public Report vendorReported(@NotBlank String vendor, @NotNull VendorUpdate update) {
        Optional<GiftOrder> found = em.createNamedQuery(GiftOrder.BY_VENDOR_ORDER, GiftOrder.class)
                .setParameter("vendor", vendor).setParameter("vendorOrderId", update.vendorOrderId()).getResultStream().findFirst();
        if (found.isEmpty()) {
            return new Report(Applied.UNKNOWN_ORDER, null, null, "no order " + update.vendorOrderId() + " from " + vendor + " is known");
        }
        GiftOrder order = found.get();
        String why = order.ignoredBecause(update.status());
        if (why != null) {
            return new Report(Applied.IGNORED, order.getId(), order.getStatus().name(), "ignored: " + why);
        }
        Instant now = clock.now();
        GiftOrder.Step step = order.vendorReported(update.status(), update.detail(), now, now.plus(settings.pollInterval()));
        journal.write(order, step);
        em.flush();
        return new Report(Applied.APPLIED, order.getId(), order.getStatus().name(), step.detail());
    }

    private static GiftOrder orderOrInvalid(java.util.function.Supplier<GiftOrder> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new FulfillmentInvalid(null, e.getMessage());
        }
    }
}
