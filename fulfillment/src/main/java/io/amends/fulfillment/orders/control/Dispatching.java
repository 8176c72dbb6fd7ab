package io.amends.fulfillment.orders.control;

import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * What one call to a vendor does to an order, whichever node made it: the rules of the outbox in one place, plain
 * Java, so that the dispatcher and the tests apply the same ones.
 *
 * <ul>
 *   <li>Sending: an answer makes the order SUBMITTED; the vendor's final no makes it FAILED at once; no answer
 *   schedules the next attempt ({@link Retries}) or, when they are used up, makes it FAILED.</li>
 *   <li>Asking for the status: news moves the order on (never back); no news schedules the next question
 *   ({@code pollInterval}); after {@code pollFor} since submission we stop asking.</li>
 *   <li>Cancelling: the vendor's yes makes it CANCELLED; its no (too late) ends the request and the order goes on;
 *   no answer is retried like sending, and given up with a note.</li>
 * </ul>
 */
public final class Dispatching {

    private final Retries retries;
    private final Duration pollInterval;
    private final Duration pollFor;
    private final DoubleSupplier random;

    public Dispatching(Retries retries, Duration pollInterval, Duration pollFor, DoubleSupplier random) {
        this.retries = Objects.requireNonNull(retries);
        this.pollInterval = Objects.requireNonNull(pollInterval);
        this.pollFor = Objects.requireNonNull(pollFor);
        this.random = Objects.requireNonNull(random);
    }

    public Retries retries() {
        return retries;
    }

    /** The order's next step after a send; never null. */
    public GiftOrder.Step afterSend(GiftOrder order, VendorAnswer<String> answer, Instant now) {
        if (answer instanceof VendorAnswer.Answered<String> answered) {
            return order.submitted(answered.value(), now, now.plus(pollInterval));
        }
        if (answer instanceof VendorAnswer.Refused<String> refused) {
            return order.rejected(refused.reason(), now);
        }
        String reason = ((VendorAnswer.Unavailable<String>) answer).reason();
        return order.sendFailed(reason, now, retries.retryAt(order.getAttempts() + 1, now, random.getAsDouble()));
    }

    /** The order's next step after a status query, or null when nothing worth a history line happened. */
    public GiftOrder.Step afterPoll(GiftOrder order, VendorAnswer<VendorUpdate> answer, Instant now) {
        Instant next = nextPoll(order, now);
        if (answer instanceof VendorAnswer.Answered<VendorUpdate> answered) {
            OrderStatus reported = answered.value().status();
            if (reported != null && order.ignoredBecause(reported) == null) {
                return order.vendorReported(reported, answered.value().detail(), now, next);
            }
            return order.pollUnchanged(next, now);
        }
        String reason = answer instanceof VendorAnswer.Refused<VendorUpdate> refused ? refused.reason()
                : ((VendorAnswer.Unavailable<VendorUpdate>) answer).reason();
        if (next == null) {
            return order.pollUnchanged(null, now);
        }
        Instant retry = now.plus(retries.delay(Math.min(order.getAttempts() + 1, 30), random.getAsDouble()));
        order.pollFailed(reason, retry.isAfter(next) ? next : retry);
        return null;
    }

    /** The order's next step after a cancellation was sent, or null when it will be tried again. */
    public GiftOrder.Step afterCancel(GiftOrder order, VendorAnswer<?> answer, Instant now) {
        if (answer instanceof VendorAnswer.Answered<?>) {
            return order.cancelConfirmed(now);
        }
        if (answer instanceof VendorAnswer.Refused<?> refused) {
            return order.cancelNotPossible(refused.reason(), now, nextPoll(order, now));
        }
        String reason = ((VendorAnswer.Unavailable<?>) answer).reason();
        Instant retry = retries.retryAt(order.getAttempts() + 1, now, random.getAsDouble());
        if (retry == null) {
            return order.cancelNotPossible("the vendor could not be reached after " + (order.getAttempts() + 1) + " attempts (" + reason + ")",
                    now, nextPoll(order, now));
        }
        order.cancelAttemptFailed(reason, retry);
        return null;
    }

    /** When to ask the vendor next, or null once the order is older than {@code pollFor}. */
    Instant nextPoll(GiftOrder order, Instant now) {
        Instant since = order.getSubmittedAt() == null ? order.getCreatedAt() : order.getSubmittedAt();
        return since.plus(pollFor).isBefore(now) ? null : now.plus(pollInterval);
    }
}
