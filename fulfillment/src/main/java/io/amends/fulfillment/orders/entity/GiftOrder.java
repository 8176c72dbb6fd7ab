package io.amends.fulfillment.orders.entity;

import io.amends.fulfillment.UtcInstantConverter;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.orders.boundary.Recipient;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A gift on its way: flowers, chocolates or a card ordered from a vendor, or a discount code issued on the spot.
 *
 * <p>Lifecycle. The row is written in the transaction of whoever decided the gift (the transactional outbox), as
 * {@code PENDING} with {@code nextAttemptAt = now}; nothing is sent in that transaction. The dispatcher claims due
 * rows (a lease: {@code claimedBy} and {@code leaseUntil}), sends each to its vendor with the order's idempotency key
 * outside any transaction, and records the answer: {@code SUBMITTED} with the vendor's order id; {@code FAILED} when
 * the vendor rejects the order (a 4xx: sending it again would not help); a note and a later {@code nextAttemptAt}
 * (exponential backoff with jitter) when the vendor was unavailable, until the attempt limit makes it {@code FAILED}.
 * The vendor then reports {@code ACCEPTED}, {@code SHIPPED}, {@code DELIVERED} through signed callbacks; the
 * dispatcher also asks for the status from time to time, so that a lost callback delays the news but does not lose
 * it. A cancellation of a sent order is itself sent through the outbox.
 *
 * <p>{@code nextAttemptAt} is the one "when does the dispatcher next look at this order" for all of that: sending,
 * cancelling, polling. Null means nothing more to do.
 *
 * <p>Every change of status returns a {@link Step} that the boundary writes as a history row and fires as an event.
 */
@Entity
@Table(name = "gift_order")
@NamedQuery(name = GiftOrder.BY_KEY, query = "SELECT o FROM GiftOrder o WHERE o.idempotencyKey = :key")
@NamedQuery(name = GiftOrder.BY_REFERENCE, query = "SELECT o FROM GiftOrder o WHERE o.reference = :reference ORDER BY o.createdAt, o.id")
@NamedQuery(name = GiftOrder.BY_VENDOR_ORDER, query = "SELECT o FROM GiftOrder o WHERE o.vendor = :vendor AND o.vendorOrderId = :vendorOrderId")
public class GiftOrder {

    public static final String BY_KEY = "GiftOrder.byKey";
    public static final String BY_REFERENCE = "GiftOrder.byReference";
    public static final String BY_VENDOR_ORDER = "GiftOrder.byVendorOrder";

    /** The vendor name of discount-code orders: Amends issues them itself. */
    public static final String AMENDS = "amends";

    /** What happened to an order: a status change when {@code from != to}, otherwise a note. */
    public record Step(OrderStatus from, OrderStatus to, String detail, Instant at) {
        public boolean isChange() {
            return from != to;
        }
    }

    /** What the dispatcher should do with the order when it is due. */
    public enum Action { SEND, CANCEL, POLL, NONE }

    @Id
    @SequenceGenerator(name = "gift_order_seq", sequenceName = "gift_order_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "gift_order_seq")
    private Long id;

    @Column(name = "idempotency_key", nullable = false, updatable = false)
    private String idempotencyKey;

    @Column(nullable = false, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private GiftKind kind;

    @Column(name = "catalog_item_id", updatable = false)
    private Long catalogItemId;

    @Column(nullable = false, updatable = false)
    private String vendor;

    @Column(updatable = false)
    private String sku;

    @Column(name = "recipient_name", nullable = false, updatable = false)
    private String recipientName;

    @Column(name = "recipient_street", updatable = false)
    private String recipientStreet;

    @Column(name = "recipient_postal_code", updatable = false)
    private String recipientPostalCode;

    @Column(name = "recipient_city", updatable = false)
    private String recipientCity;

    @Column(name = "recipient_country", nullable = false, updatable = false)
    private String recipientCountry;

    @Column(name = "recipient_email", updatable = false)
    private String recipientEmail;

    @Column(updatable = false)
    private String message;

    @Column(name = "sender_name", updatable = false)
    private String senderName;

    @Column(name = "cost_minor", nullable = false, updatable = false)
    private long costMinor;

    @Column(nullable = false, updatable = false, length = 3)
    private String currency;

    @Column(name = "discount_code_id")
    private Long discountCodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "vendor_order_id")
    private String vendorOrderId;

    @Column(nullable = false)
    private int attempts;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "cancel_requested", nullable = false)
    private boolean cancelRequested;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "lease_until")
    private Instant leaseUntil;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Convert(converter = UtcInstantConverter.class)
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected GiftOrder() {
        // for JPA
    }

    /** A gift from a vendor's catalog, waiting in the outbox. */
    public static GiftOrder gift(String idempotencyKey, String reference, GiftKind kind, long catalogItemId, String vendor, String sku,
                                 Recipient recipient, String message, String senderName, long costMinor, String currency, Instant now) {
        if (kind == null || !kind.isPhysical()) {
            throw new IllegalArgumentException("A gift order is for flowers, chocolates or a card");
        }
        if (recipient == null || !recipient.hasPostalAddress()) {
            throw new IllegalArgumentException("A gift needs a postal address: street, postal code, city and country");
        }
        if (kind == GiftKind.HANDWRITTEN_CARD && (message == null || message.isBlank())) {
            throw new IllegalArgumentException("A handwritten card needs a message to write");
        }
        GiftOrder order = new GiftOrder(idempotencyKey, reference, kind, recipient, message, senderName, costMinor, currency, now);
        order.catalogItemId = catalogItemId;
        order.vendor = required(vendor, "vendor");
        order.sku = required(sku, "sku");
        order.status = OrderStatus.PENDING;
        order.nextAttemptAt = now;
        return order;
    }

    /** A discount code, issued and therefore delivered at once: the code is the gift. */
    public static GiftOrder discountCode(String idempotencyKey, String reference, long discountCodeId, Recipient recipient, String message,
                                         String senderName, long costMinor, String currency, Instant now) {
        GiftOrder order = new GiftOrder(idempotencyKey, reference, GiftKind.DISCOUNT_CODE, recipient, message, senderName, costMinor,
                currency, now);
        order.vendor = AMENDS;
        order.discountCodeId = discountCodeId;
        order.status = OrderStatus.DELIVERED;
        order.submittedAt = now;
        return order;
    }

    private GiftOrder(String idempotencyKey, String reference, GiftKind kind, Recipient recipient, String message, String senderName,
                      long costMinor, String currency, Instant now) {
        this.idempotencyKey = required(idempotencyKey, "idempotency key");
        this.reference = required(reference, "reference");
        this.kind = Objects.requireNonNull(kind);
        Objects.requireNonNull(recipient, "recipient");
        this.recipientName = required(recipient.name(), "recipient name");
        this.recipientStreet = blankToNull(recipient.street());
        this.recipientPostalCode = blankToNull(recipient.postalCode());
        this.recipientCity = blankToNull(recipient.city());
        this.recipientCountry = required(recipient.country(), "recipient country").toUpperCase(java.util.Locale.ROOT);
        this.recipientEmail = blankToNull(recipient.email());
        this.message = blankToNull(message);
        this.senderName = blankToNull(senderName);
        if (costMinor < 0) {
            throw new IllegalArgumentException("A cost is not negative");
        }
        this.costMinor = costMinor;
        this.currency = required(currency, "currency");
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    // --- what the dispatcher does -----------------------------------------------------------------------------------

    public Action nextAction() {
        if (status == OrderStatus.PENDING) {
            return Action.SEND;
        }
        if (cancelRequested && status.isCancellable()) {
            return Action.CANCEL;
        }
        return status.isWithVendor() ? Action.POLL : Action.NONE;
    }

    /** The vendor took the order and named it. */
    public Step submitted(String newVendorOrderId, Instant at, Instant nextPollAt) {
        Step step = move(OrderStatus.SUBMITTED, "Sent to " + vendor + ", whose order number is " + newVendorOrderId, at);
        vendorOrderId = required(newVendorOrderId, "vendor order id");
        submittedAt = at;
        attempts = 0;
        lastError = null;
        nextAttemptAt = nextPollAt;
        return step;
    }

    /** The vendor refused the order for good (it said the request was wrong): sending it again would not help. */
    public Step rejected(String reason, Instant at) {
        lastError = shortText(reason);
        nextAttemptAt = null;
        return move(OrderStatus.FAILED, "The vendor rejected the order: " + reason, at);
    }

    /**
     * Sending failed in a way that may pass (the vendor was down, slow or overloaded). With a {@code retryAt} the order
     * stays PENDING and is tried again then; without one the attempts are used up and the order FAILED.
     */
    public Step sendFailed(String reason, Instant at, Instant retryAt) {
        attempts++;
        lastError = shortText(reason);
        nextAttemptAt = retryAt;
        if (retryAt == null) {
            return move(OrderStatus.FAILED, "Gave up after " + attempts + " attempts; the last one failed: " + reason, at);
        }
        return note("Attempt " + attempts + " failed (" + reason + "); next attempt at " + retryAt, at);
    }

    /**
     * Why a vendor's report of {@code reported} changes nothing, or null when it moves the order forward: a duplicate,
     * a report that goes backwards, or one about an order that is already final.
     */
    public String ignoredBecause(OrderStatus reported) {
        if (reported == null) {
            return "the report has no status we know";
        }
        if (reported == status) {
            return "duplicate: the order is already " + status;
        }
        if (status.isFinal()) {
            return "the order is " + status + ", which is final; " + reported + " changes nothing";
        }
        if (status == OrderStatus.PENDING) {
            return "the order has not been submitted yet";
        }
        if (!status.canMoveTo(reported)) {
            return "backwards: the order is " + status + ", " + reported + " is behind it";
        }
        return null;
    }

    /** The vendor told us (callback or status query) that the order moved on. */
    public Step vendorReported(OrderStatus reported, String detail, Instant at, Instant nextPollAt) {
        String why = ignoredBecause(reported);
        if (why != null) {
            throw new IllegalStateException(why);
        }
        Step step = move(reported, detail == null || detail.isBlank() ? vendor + " reports " + reported : detail, at);
        attempts = 0;
        lastError = null;
        if (reported == OrderStatus.CANCELLED) {
            cancelRequested = false;
        }
        nextAttemptAt = reported.isFinal() ? null : nextPollAt;
        return step;
    }

    /** Asking the vendor for the status failed; ask again later, quietly (the order itself is fine). */
    public void pollFailed(String reason, Instant retryAt) {
        attempts++;
        lastError = shortText(reason);
        nextAttemptAt = retryAt;
    }

    /** Nothing new from the vendor; ask again at {@code nextPollAt}, or never when null. */
    public Step pollUnchanged(Instant nextPollAt, Instant at) {
        attempts = 0;
        lastError = null;
        nextAttemptAt = nextPollAt;
        return nextPollAt == null ? note("Stopped asking " + vendor + " for news: the order is old enough", at) : null;
    }

    // --- cancelling ---------------------------------------------------------------------------------------------------

    /**
     * Cancels the order: at once while it is PENDING and not being sent; through the outbox (the dispatcher asks the
     * vendor) when the vendor has it. Returns the change, or null when the cancellation was only requested.
     */
    public Step cancel(Instant at) {
        if (!status.isCancellable()) {
            throw new IllegalStateException("The order is " + status + " and can no longer be cancelled");
        }
        if (status == OrderStatus.PENDING) {
            if (isLeased(at)) {
                throw new IllegalStateException("The order is being sent to " + vendor + " right now; try again in a minute");
            }
            nextAttemptAt = null;
            return move(OrderStatus.CANCELLED, "Cancelled before it was sent", at);
        }
        cancelRequested = true;
        attempts = 0;
        nextAttemptAt = at;
        updatedAt = at;
        return null;
    }

    /** The vendor confirmed the cancellation. */
    public Step cancelConfirmed(Instant at) {
        cancelRequested = false;
        nextAttemptAt = null;
        return move(OrderStatus.CANCELLED, vendor + " cancelled the order", at);
    }

    /** The vendor would not cancel (too late, or the cancellation could not be delivered); the order goes on. */
    public Step cancelNotPossible(String reason, Instant at, Instant nextPollAt) {
        cancelRequested = false;
        attempts = 0;
        nextAttemptAt = nextPollAt;
        return note("The cancellation did not go through: " + reason, at);
    }

    /** Sending the cancellation failed for now; try again at {@code retryAt}. */
    public void cancelAttemptFailed(String reason, Instant retryAt) {
        attempts++;
        lastError = shortText(reason);
        nextAttemptAt = retryAt;
    }

    // --- the claim ------------------------------------------------------------------------------------------------------

    public boolean isClaimedBy(String node) {
        return node != null && node.equals(claimedBy);
    }

    public boolean isLeased(Instant now) {
        return claimedBy != null && leaseUntil != null && leaseUntil.isAfter(now);
    }

    /** Ends this node's claim: the row is free for whoever is due to look at it next. */
    public void release() {
        claimedBy = null;
        leaseUntil = null;
    }

    /** For tests and for the JDBC claim's mirror image: what claiming the row sets. */
    public void claim(String node, Instant until) {
        claimedBy = node;
        leaseUntil = until;
    }

    private Step move(OrderStatus next, String detail, Instant at) {
        if (!status.canMoveTo(next)) {
            throw new IllegalStateException("An order that is " + status + " cannot become " + next);
        }
        Step step = new Step(status, next, detail, at);
        status = next;
        updatedAt = at;
        return step;
    }

    private Step note(String detail, Instant at) {
        updatedAt = at;
        return new Step(status, status, detail, at);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An order needs a " + what);
        }
        return value.strip();
    }

    private static String shortText(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // --- getters ----------------------------------------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getReference() {
        return reference;
    }

    public GiftKind getKind() {
        return kind;
    }

    public Long getCatalogItemId() {
        return catalogItemId;
    }

    public String getVendor() {
        return vendor;
    }

    public String getSku() {
        return sku;
    }

    public Recipient getRecipient() {
        return new Recipient(recipientName, recipientStreet, recipientPostalCode, recipientCity, recipientCountry, recipientEmail);
    }

    public String getMessage() {
        return message;
    }

    public String getSenderName() {
        return senderName;
    }

    public long getCostMinor() {
        return costMinor;
    }

    public String getCurrency() {
        return currency;
    }

    public Long getDiscountCodeId() {
        return discountCodeId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getVendorOrderId() {
        return vendorOrderId;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
