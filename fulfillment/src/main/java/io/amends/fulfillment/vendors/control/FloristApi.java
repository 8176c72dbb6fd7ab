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
 * A florist's or gift-basket service's order API, of the common shape: an order names a product SKU, the recipient,
 * a delivery date and a card message; the answer carries the florist's order id. {@code Authorization: Bearer <token>}.
 *
 * <p>Methods answer the raw {@link Response}: {@link HttpAnswers} decides what each status means. No {@code @Path} on the
 * interface: the server would take it for one of its own resources.
 */
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface FloristApi {

    @POST
    @Path("orders")
    Response place(@HeaderParam("Authorization") String bearer, @HeaderParam("Idempotency-Key") String idempotencyKey, FlowerOrder order);

    @GET
    @Path("orders/{id}")
    Response get(@HeaderParam("Authorization") String bearer, @PathParam("id") String orderId);

    @POST
    @Path("orders/{id}/cancel")
    Response cancel(@HeaderParam("Authorization") String bearer, @PathParam("id") String orderId);

    @JsonbPropertyOrder({"sku", "recipient", "deliveryDate", "cardMessage", "sender", "externalReference"})
    record FlowerOrder(String sku, Recipient recipient, String deliveryDate, String cardMessage, String sender, String externalReference) {
    }

    @JsonbPropertyOrder({"name", "street", "postalCode", "city", "country", "email"})
    record Recipient(String name, String street, String postalCode, String city, String country, String email) {
    }
}
