package io.amends.fulfillment.vendors.control;

import io.amends.fulfillment.orders.boundary.Recipient;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.Vendor;
import io.amends.fulfillment.vendors.boundary.VendorDescription;
import io.amends.fulfillment.vendors.boundary.VendorOrder;
import io.amends.fulfillment.vendors.boundary.VendorRejection;
import io.amends.fulfillment.vendors.boundary.VendorUnavailable;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Handwritten cards from a Handwrytten-like service ({@link HandwryttenApi}), configured by
 * {@code amends.vendor.handwrytten.*}: {@code base-url}, {@code api-key} ({@code test_...} or {@code live_...}),
 * {@code font}, {@code connect-timeout}, {@code read-timeout}, {@code callback-secret}.
 *
 * <p>The card is the catalog item's SKU; the message is written as given, closed by "wishes" with the sender's name.
 * The service reports {@code processing} (SUBMITTED), {@code written} (ACCEPTED), {@code mailed} (SHIPPED), and
 * {@code delivered} where the post tells it.
 */
@ApplicationScoped
public class HandwryttenVendor implements Vendor {

    public static final String NAME = "handwrytten";
    static final String DEFAULT_URL = "http://localhost:9101/v2";
    static final Map<String, OrderStatus> WORDS = Map.of(
            "received", OrderStatus.SUBMITTED,
            "processing", OrderStatus.SUBMITTED,
            "written", OrderStatus.ACCEPTED,
            "accepted", OrderStatus.ACCEPTED,
            "mailed", OrderStatus.SHIPPED,
            "delivered", OrderStatus.DELIVERED,
            "cancelled", OrderStatus.CANCELLED,
            "canceled", OrderStatus.CANCELLED,
            "failed", OrderStatus.FAILED,
            "returned", OrderStatus.FAILED);

    HttpSettings settings;
    ReturnAddress returnAddress;
    String font;
    boolean callbackSecretSet;
    private volatile HandwryttenApi api;

    public HandwryttenVendor() {
        // for CDI; settings come from configuration in init()
    }

    HandwryttenVendor(HttpSettings settings, ReturnAddress returnAddress, String font) {
        this.settings = settings;
        this.returnAddress = returnAddress;
        this.font = font;
    }

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig(HandwryttenVendor.class.getClassLoader());
        settings = HttpSettings.from(config, NAME, DEFAULT_URL);
        returnAddress = ReturnAddress.from(config);
        font = config.getOptionalValue("amends.vendor." + NAME + ".font", String.class).orElse("hwDavid");
        callbackSecretSet = config.getOptionalValue("amends.vendor." + NAME + ".callback-secret", String.class)
                .filter(s -> !s.isBlank()).isPresent();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            skipOn = VendorRejection.class)
    public String submit(VendorOrder order) {
        HandwryttenApi.CardOrder card = new HandwryttenApi.CardOrder(order.sku(), font, order.message(), wishes(order.senderName()),
                sender(order.senderName()), recipient(order.recipient()), String.valueOf(order.orderId()));
        JsonObject answer = HttpAnswers.expectJson(NAME, "the order",
                HttpAnswers.call(NAME, () -> api().send(settings.apiKey(), order.idempotencyKey(), card)));
        String id = HttpAnswers.text(answer, "orderId");
        if (id == null) {
            throw new VendorUnavailable(NAME + " accepted the order but sent no orderId");
        }
        return id;
    }

    @Override
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            skipOn = VendorRejection.class)
    public VendorUpdate status(String vendorOrderId) {
        JsonObject answer = HttpAnswers.expectJson(NAME, "the status query",
                HttpAnswers.call(NAME, () -> api().get(settings.apiKey(), vendorOrderId)));
        return HttpAnswers.update(NAME, answer, WORDS);
    }

    @Override
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            skipOn = VendorRejection.class)
    public void cancel(String vendorOrderId) {
        HttpAnswers.expectSuccess(NAME, "the cancellation", HttpAnswers.call(NAME, () -> api().cancel(settings.apiKey(), vendorOrderId)));
    }

    @Override
    public VendorUpdate readCallback(byte[] body) {
        return HttpAnswers.update(NAME, HttpAnswers.parse(body), WORDS);
    }

    @Override
    public VendorDescription describe() {
        return new VendorDescription(NAME, settings.mode(), settings.baseUrl().toString(), callbackSecretSet,
                "Handwritten cards (Handwrytten-like API); font " + font);
    }

    private HandwryttenApi api() {
        HandwryttenApi client = api;
        if (client == null) {
            synchronized (this) {
                if (api == null) {
                    api = RestClientBuilder.newBuilder()
                            .baseUri(settings.baseUrl())
                            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .build(HandwryttenApi.class);
                }
                client = api;
            }
        }
        return client;
    }

    static String wishes(String senderName) {
        return senderName == null || senderName.isBlank() ? "Sincerely" : "Sincerely,\n" + senderName.strip();
    }

    private HandwryttenApi.Address sender(String senderName) {
        String[] names = split(senderName == null || senderName.isBlank() ? returnAddress.company() : senderName);
        return new HandwryttenApi.Address(names[0], names[1], returnAddress.company(), returnAddress.street(), returnAddress.city(),
                returnAddress.postalCode(), returnAddress.country());
    }

    private static HandwryttenApi.Address recipient(Recipient r) {
        String[] names = split(r.name());
        return new HandwryttenApi.Address(names[0], names[1], null, r.street(), r.city(), r.postalCode(), r.country());
    }

    /** First and last name, split at the last space: "Jane van Doe" is "Jane van" and "Doe", close enough for an envelope. */
    static String[] split(String name) {
        String full = name == null ? "" : name.strip();
        int space = full.lastIndexOf(' ');
        return space < 0 ? new String[] {full, ""} : new String[] {full.substring(0, space), full.substring(space + 1)};
    }
}
