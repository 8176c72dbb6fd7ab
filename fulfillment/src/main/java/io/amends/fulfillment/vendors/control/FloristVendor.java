package io.amends.fulfillment.vendors.control;

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
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Flowers and chocolates from a florist / gift-basket service ({@link FloristApi}), configured by
 * {@code amends.vendor.florist.*}: {@code base-url}, {@code api-key} (the bearer token), {@code lead-time} (how many
 * days after the order the gift should arrive, ISO-8601, default P2D), {@code connect-timeout}, {@code read-timeout},
 * {@code callback-secret}.
 *
 * <p>The florist reports {@code received} (SUBMITTED), {@code confirmed} (ACCEPTED), {@code dispatched} or
 * {@code out_for_delivery} (SHIPPED), {@code delivered}, {@code cancelled}, {@code undeliverable} (FAILED).
 */
@ApplicationScoped
public class FloristVendor implements Vendor {

    public static final String NAME = "florist";
    static final String DEFAULT_URL = "http://localhost:9102/api";
    static final Map<String, OrderStatus> WORDS = Map.of(
            "received", OrderStatus.SUBMITTED,
            "confirmed", OrderStatus.ACCEPTED,
            "dispatched", OrderStatus.SHIPPED,
            "out_for_delivery", OrderStatus.SHIPPED,
            "delivered", OrderStatus.DELIVERED,
            "cancelled", OrderStatus.CANCELLED,
            "canceled", OrderStatus.CANCELLED,
            "undeliverable", OrderStatus.FAILED,
            "failed", OrderStatus.FAILED);

    HttpSettings settings;
    Duration leadTime = Duration.ofDays(2);
    boolean callbackSecretSet;
    private volatile FloristApi api;

    public FloristVendor() {
        // for CDI; settings come from configuration in init()
    }

    FloristVendor(HttpSettings settings) {
        this.settings = settings;
    }

    @PostConstruct
    void init() {
        Config config = ConfigProvider.getConfig(FloristVendor.class.getClassLoader());
        settings = HttpSettings.from(config, NAME, DEFAULT_URL);
        leadTime = config.getOptionalValue("amends.vendor." + NAME + ".lead-time", String.class).map(Duration::parse).orElse(leadTime);
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
        var r = order.recipient();
        FloristApi.FlowerOrder gift = new FloristApi.FlowerOrder(order.sku(),
                new FloristApi.Recipient(r.name(), r.street(), r.postalCode(), r.city(), r.country(), r.email()),
                deliveryDate(order).toString(), order.message(), order.senderName(), String.valueOf(order.orderId()));
        JsonObject answer = HttpAnswers.expectJson(NAME, "the order",
                HttpAnswers.call(NAME, () -> api().place(bearer(), order.idempotencyKey(), gift)));
        String id = HttpAnswers.text(answer, "id");
        if (id == null) {
            throw new VendorUnavailable(NAME + " accepted the order but sent no id");
        }
        return id;
    }

    @Override
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            skipOn = VendorRejection.class)
    public VendorUpdate status(String vendorOrderId) {
        return HttpAnswers.update(NAME, HttpAnswers.expectJson(NAME, "the status query",
                HttpAnswers.call(NAME, () -> api().get(bearer(), vendorOrderId))), WORDS);
    }

    @Override
    @Timeout(value = 20, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 60, delayUnit = ChronoUnit.SECONDS,
            skipOn = VendorRejection.class)
    public void cancel(String vendorOrderId) {
        HttpAnswers.expectSuccess(NAME, "the cancellation", HttpAnswers.call(NAME, () -> api().cancel(bearer(), vendorOrderId)));
    }

    @Override
    public VendorUpdate readCallback(byte[] body) {
        return HttpAnswers.update(NAME, HttpAnswers.parse(body), WORDS);
    }

    @Override
    public VendorDescription describe() {
        return new VendorDescription(NAME, settings.mode(), settings.baseUrl().toString(), callbackSecretSet,
                "Flowers and gift baskets; delivery " + leadTime.toDays() + " days after the order");
    }

    LocalDate deliveryDate(VendorOrder order) {
        return order.placedAt().plus(leadTime).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private String bearer() {
        return "Bearer " + settings.apiKey();
    }

    private FloristApi api() {
        FloristApi client = api;
        if (client == null) {
            synchronized (this) {
                if (api == null) {
                    api = RestClientBuilder.newBuilder()
                            .baseUri(settings.baseUrl())
                            .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .readTimeout(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .build(FloristApi.class);
                }
                client = api;
            }
        }
        return client;
    }
}
