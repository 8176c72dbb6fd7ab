package io.amends.web.fulfillment;

import io.amends.fulfillment.NoNul;
import io.amends.fulfillment.orders.boundary.OrderReceipt;
import io.amends.fulfillment.orders.boundary.Orders;
import io.amends.fulfillment.orders.boundary.Recipient;
import io.amends.fulfillment.vendors.boundary.VendorCallbacks;
import io.amends.fulfillment.vendors.boundary.VendorDescription;
import io.amends.fulfillment.vendors.boundary.Vendors;
import io.amends.fulfillment.vendors.control.CallbackSignature;
import io.amends.users.entity.Role;
import io.amends.web.platform.Idempotent;
import io.amends.web.platform.Problem;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import io.amends.web.security.Anyone;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The gift vendors: their settings for administrators, a test order to check an integration, and the webhook where
 * vendors report on their orders.
 *
 * <p>The webhook is open at the HTTP level ({@link Anyone}) because vendors have no user or API key; it is
 * authenticated by the signature instead, before anything in the body is read. Answers: 200 with
 * {@code outcome: applied} or {@code outcome: ignored} ("ignored: duplicate ...", "ignored: backwards ..."), 401 when
 * the signature or timestamp is wrong (logged), 400 for a body the vendor does not send, and 404 when no order has
 * the vendor's order id: a vendor retries a non-2xx answer, and an order we do not know yet may be one whose
 * submission we are still recording.
 */
@Path("vendors")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VendorsResource {

    @Inject
    Vendors vendors;

    @EJB
    VendorCallbacks callbacks;

    @EJB
    Orders orders;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @Context
    HttpServletRequest http;

    public record CallbackAnswer(String outcome, Long orderId, String status, String detail) {
    }

    public record TestOrder(long catalogItemId, @NotNull @Valid Recipient recipient, @Size(max = 2000) @NoNul String message) {
    }

    @GET
    @Allow(Role.ADMIN)
    public List<VendorDescription> list() {
        return vendors.descriptions();
    }

    @POST
    @Path("{vendor}/callbacks")
    @Anyone
    @Consumes(MediaType.WILDCARD)
    public Response callback(@PathParam("vendor") String vendor,
                             @HeaderParam(CallbackSignature.TIMESTAMP_HEADER) String timestamp,
                             @HeaderParam(CallbackSignature.SIGNATURE_HEADER) String signature,
                             byte[] body) {
        VendorCallbacks.Outcome outcome = callbacks.receive(vendor, timestamp, signature, body == null ? new byte[0] : body,
                http.getRemoteAddr());
        String path = uri.getRequestUri().getPath();
        return switch (outcome.result()) {
            case REFUSED -> Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated",
                            "Sign the callback: " + CallbackSignature.SIGNATURE_HEADER + ": sha256=HMAC-SHA256(secret, "
                                    + CallbackSignature.TIMESTAMP_HEADER + " + \".\" + body), with a current timestamp", path).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Signature realm=\"amends-vendor-callbacks\"").build();
            case UNREADABLE -> Problem.invalid("This is not a callback " + vendor + " sends: " + outcome.detail(), path, null).toResponse();
            case UNKNOWN_ORDER -> Problem.of(Response.Status.NOT_FOUND, "not-found", outcome.detail(), path).toResponse();
            case APPLIED -> Response.ok(new CallbackAnswer("applied", outcome.orderId(), outcome.status(), outcome.detail())).build();
            case IGNORED -> Response.ok(new CallbackAnswer("ignored", outcome.orderId(), outcome.status(), outcome.detail())).build();
        };
    }

    @POST
    @Path("{vendor}/test-orders")
    @Idempotent
    @Allow(Role.ADMIN)
    public Response testOrder(@PathParam("vendor") String vendor, @NotNull @Valid TestOrder body) {
        OrderReceipt receipt = orders.placeTest(vendor, body.catalogItemId(), body.recipient(), body.message(), caller.get().username());
        return Response.status(Response.Status.CREATED).entity(receipt).build();
    }
}
