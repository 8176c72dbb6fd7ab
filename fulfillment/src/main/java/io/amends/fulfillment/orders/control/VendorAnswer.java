package io.amends.fulfillment.orders.control;

import io.amends.fulfillment.vendors.boundary.VendorRejection;
import java.util.function.Supplier;

/**
 * How a call to a vendor ended: with an answer, with the vendor's final no, or without an answer worth keeping
 * (unreachable, a server error, a timeout, an open circuit), which may be different next time.
 */
public sealed interface VendorAnswer<T> {

    record Answered<T>(T value) implements VendorAnswer<T> {
    }

    record Refused<T>(String reason) implements VendorAnswer<T> {
    }

    record Unavailable<T>(String reason) implements VendorAnswer<T> {
    }

    /** Makes the call and classifies how it ended; never throws. */
    static <T> VendorAnswer<T> of(Supplier<T> call) {
        try {
            return new Answered<>(call.get());
        } catch (RuntimeException e) {
            Throwable cause = e;
            // the EJB container and interceptors may wrap what the vendor threw
            for (int depth = 0; cause != null && depth < 5; depth++, cause = cause.getCause()) {
                if (cause instanceof VendorRejection rejection) {
                    return new Refused<>(rejection.getMessage());
                }
            }
            return new Unavailable<>(reason(e));
        }
    }

    private static String reason(Throwable e) {
        Throwable shown = e;
        while (shown.getMessage() == null && shown.getCause() != null) {
            shown = shown.getCause();
        }
        String name = shown.getClass().getSimpleName();
        if (name.equals("TimeoutException")) {
            return "no answer in time";
        }
        if (name.equals("CircuitBreakerOpenException")) {
            return "too many recent failures; the circuit is open for a while";
        }
        return shown.getMessage() == null ? name : shown.getMessage();
    }
}
