package io.amends.fulfillment.vendors.boundary;

import io.amends.fulfillment.orders.boundary.Orders;
import io.amends.fulfillment.vendors.control.CallbackSignature;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vendors' callbacks: checked for the vendor's signature before anything is read, then applied to the order.
 *
 * <p>The secret is {@code amends.vendor.<vendor>.callback-secret}; {@code amends.vendor.callback.tolerance} (default
 * PT5M) is how far the signed timestamp may be from the wall clock. In production mode ({@code amends.mode=production})
 * a secret that starts with {@code demo-} counts as none, so a demo default can never let a forged callback in.
 * Every refusal is logged with the vendor, the reason and where the call came from; the caller only learns "401".
 */
@Stateless
public class VendorCallbacks {

    private static final Logger LOG = Logger.getLogger(VendorCallbacks.class.getName());

    @Inject
    Vendors vendors;

    @EJB
    Orders orders;

    @Inject
    @ConfigProperty(name = "amends.vendor.callback.tolerance", defaultValue = "PT5M")
    String tolerance;

    @Inject
    @ConfigProperty(name = "amends.mode", defaultValue = "demo")
    String mode;

    /** What became of a callback. */
    public enum Result {
        /** Not signed right: nothing was read. */
        REFUSED,
        /** Signed, but not a body this vendor sends. */
        UNREADABLE,
        /** Signed and read, but no order of ours has the vendor's order id (yet). */
        UNKNOWN_ORDER,
        /** Moved the order on. */
        APPLIED,
        /** Changed nothing: a duplicate, a report that goes backwards, or one about a final order. */
        IGNORED
    }

    public record Outcome(Result result, Long orderId, String status, String detail) {
    }

    public Outcome receive(String vendorName, String timestamp, String signature, byte[] body, String origin) {
        Optional<Vendor> vendor = vendors.named(vendorName);
        String name = vendor.map(Vendor::name).orElse(String.valueOf(vendorName));
        CallbackSignature.Verdict verdict = vendor.isEmpty() ? CallbackSignature.Verdict.NO_SECRET
                // the vendor signs with real time: compare with the wall clock, not the business clock tests may move
                : CallbackSignature.verify(secretOf(name), timestamp, signature, body, Instant.now(), Duration.parse(tolerance));
        if (verdict != CallbackSignature.Verdict.VALID) {
            String reason = vendor.isEmpty() ? "there is no vendor of that name" : verdict.reason();
            LOG.warning(() -> "Refused a callback for vendor '" + clean(name) + "' from " + clean(origin) + ": " + reason);
            return new Outcome(Result.REFUSED, null, null, "The callback is not signed by a vendor we know");
        }
        VendorUpdate update;
        try {
            update = vendor.get().readCallback(body);
        } catch (IllegalArgumentException e) {
            return new Outcome(Result.UNREADABLE, null, null, e.getMessage());
        }
        Orders.Report report = orders.vendorReported(name, update);
        Result result = switch (report.result()) {
            case APPLIED -> Result.APPLIED;
            case IGNORED -> Result.IGNORED;
            case UNKNOWN_ORDER -> Result.UNKNOWN_ORDER;
        };
        return new Outcome(result, report.orderId(), report.status(), report.detail());
    }

    String secretOf(String vendor) {
        Config config = ConfigProvider.getConfig(VendorCallbacks.class.getClassLoader());
        String secret = config.getOptionalValue("amends.vendor." + vendor + ".callback-secret", String.class).orElse(null);
        if (secret != null && "production".equalsIgnoreCase(mode) && secret.toLowerCase(Locale.ROOT).startsWith("demo-")) {
            return null;
        }
        return secret;
    }

    private static String clean(String text) {
        if (text == null) {
            return "?";
        }
        String oneLine = text.replaceAll("[\\p{Cntrl}]", "_");
        return oneLine.length() > 80 ? oneLine.substring(0, 80) + "…" : oneLine;
    }
}
