package io.amends.fulfillment.vendors.control;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A handwritten-card service's order API, modeled on Handwrytten's: an order names a card design ({@code cardId}),
 * a handwriting font, the message, a closing "wishes" line, and sender and recipient addresses; the answer carries
 * the service's order id. The API key goes in {@code Authorization}; keys starting with {@code test_} place test
 * orders that are never written or mailed.
 *
 * <p>Methods answer the raw {@link Response}: {@link HttpAnswers} decides what each status means. No {@code @Path} on the
 * interface: the server would take it for one of its own resources.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface HandwryttenApi {

    @POST
    @Path("orders")
    Response send(@HeaderParam("Authorization") String apiKey, @HeaderParam("Idempotency-Key") String idempotencyKey, CardOrder order);

    @GET
    @Path("orders/{id}")
    Response get(@HeaderParam("Authorization") String apiKey, @PathParam("id") String orderId);

    @POST
    @Path("orders/{id}/cancel")
    Response cancel(@HeaderParam("Authorization") String apiKey, @PathParam("id") String orderId);

    /** A card to write and mail. */
    @JsonbPropertyOrder({"cardId", "font", "message", "wishes", "sender", "recipient", "externalId"})
    record CardOrder(String cardId, String font, String message, String wishes, Address sender, Address recipient, String externalId) {
    }

    @JsonbPropertyOrder({"firstName", "lastName", "businessName", "street1", "city", "zip", "country"})
    record Address(String firstName, String lastName, String businessName, String street1, String city, String zip, String country) {
    }
}
