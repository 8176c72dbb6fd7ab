package io.amends.fulfillment.vendors.boundary;

import io.amends.fulfillment.orders.entity.OrderStatus;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The vendor built into Amends, the default for demos and the embedded run: it takes every order (unless told to
 * misbehave, see {@link SimulatedShipments}) and delivers it over a few configurable steps
 * ({@code amends.vendor.simulated.step}, default PT30S), calling back at each step. Its state is in the database and
 * its progress is driven by {@link SimulatedShipmentsSweep}, so it behaves the same on one node or several.
 */
@ApplicationScoped
public class SimulatedVendor implements Vendor {

    public static final String NAME = "simulated";

    @EJB
    SimulatedShipments shipments;

    @Inject
    @ConfigProperty(name = "amends.vendor.simulated.step", defaultValue = "PT30S")
    String step;

    @Inject
    @ConfigProperty(name = "amends.vendor.simulated.callback-secret")
    Optional<String> callbackSecret;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String submit(VendorOrder order) {
        return shipments.receive(order);
    }

    @Override
    public VendorUpdate status(String vendorOrderId) {
        return shipments.status(vendorOrderId);
    }

    @Override
    public void cancel(String vendorOrderId) {
        shipments.cancel(vendorOrderId);
    }

    /** The same body as the florist's: {@code {"orderId": "SIM-1000", "status": "dispatched"}}. */
    @Override
    public VendorUpdate readCallback(byte[] body) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
        String id = json.getString("orderId", null);
        String word = json.getString("status", null);
        if (id == null || word == null) {
            throw new IllegalArgumentException("The callback has no orderId or status");
        }
        OrderStatus status = switch (word.toLowerCase(Locale.ROOT)) {
            case "received" -> OrderStatus.SUBMITTED;
            case "confirmed" -> OrderStatus.ACCEPTED;
            case "dispatched" -> OrderStatus.SHIPPED;
            case "delivered" -> OrderStatus.DELIVERED;
            case "undeliverable" -> OrderStatus.FAILED;
            case "cancelled" -> OrderStatus.CANCELLED;
            default -> null;
        };
        return new VendorUpdate(id, status, NAME + " reports \"" + word + "\"");
    }

    @Override
    public VendorDescription describe() {
        return new VendorDescription(NAME, "simulated", null, callbackSecret.filter(s -> !s.isBlank()).isPresent(),
                "Built in; one step every " + step + "; message markers [reject] [timeout] [flaky] [lost-callback] [undeliverable]");
    }
}
