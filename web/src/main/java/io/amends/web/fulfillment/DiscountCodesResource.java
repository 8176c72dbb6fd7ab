package io.amends.web.fulfillment;

import io.amends.fulfillment.NoNul;
import io.amends.fulfillment.discounts.boundary.Discounts;
import io.amends.fulfillment.discounts.entity.CodeStatus;
import io.amends.fulfillment.discounts.entity.DiscountCode;
import io.amends.fulfillment.orders.boundary.DiscountTerms;
import io.amends.fulfillment.orders.boundary.DiscountType;
import io.amends.users.entity.Role;
import io.amends.web.platform.Idempotent;
import io.amends.web.platform.Problem;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;

/**
 * Discount codes for storefronts (API key with role STOREFRONT): validate a code a customer typed, and redeem it for
 * an order, once per storefront order. Administrators may issue a goodwill code by hand.
 *
 * <p>Validation answers 200 with a status for every input, {@code UNKNOWN} included, and the same for a typo as for a
 * well-formed code that does not exist, so the answer reveals nothing about which codes exist. A redemption answers
 * 201 the first time, 200 with the first redemption when the same storefront order asks again, 404 for an unknown code
 * and 409 for an expired or used-up one.
 */
@Path("discount-codes")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DiscountCodesResource {

    @EJB
    Discounts discounts;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    public record CodeView(String status, String code, DiscountType type, Long value, String currency, Instant expiresAt, Integer remaining) {
        static CodeView of(Discounts.Validation v) {
            return new CodeView(v.status().name(), v.code(), v.type(), v.value(), v.currency(), v.expiresAt(), v.remaining());
        }
    }

    public record Check(@NotBlank @Size(max = 64) String code) {
    }

    public record RedemptionRequest(@NotBlank @Size(max = 120) @NoNul String orderReference) {
    }

    public record RedemptionView(String outcome, String orderReference, Integer redemptionNumber, Instant redeemedAt, CodeView code) {
    }

    /** A goodwill code: what it is worth, until when, how often, and why (the audit trail keeps the reason). */
    public record GoodwillCode(@NotNull DiscountType type, @Positive long value, @Size(min = 3, max = 3) String currency,
                               @NotNull Instant expiresAt, @Min(1) @Max(10_000) int redemptionLimit,
                               @NotBlank @Size(max = 1000) @NoNul String reason,
                               @Size(max = 120) @NoNul String reference) {
    }

    /** The code whole, shown this once. */
    public record IssuedCode(long id, String code, DiscountType type, long value, String currency, Instant expiresAt, int redemptionLimit,
                             String reference) {
        static IssuedCode of(DiscountCode c) {
            return new IssuedCode(c.getId(), c.getCode(), c.getType(), c.getValue(), c.getCurrency(), c.getExpiresAt(),
                    c.getRedemptionLimit(), c.getReference());
        }
    }

    @GET
    @Path("validate")
    @Allow(Role.STOREFRONT)
    public CodeView validate(@QueryParam("code") String code) {
        return CodeView.of(discounts.validate(code));
    }

    @POST
    @Path("validate")
    @Allow(Role.STOREFRONT)
    public CodeView validate(@NotNull @Valid Check body) {
        return CodeView.of(discounts.validate(body.code()));
    }

    @POST
    @Path("{code}/redemptions")
    @Allow(Role.STOREFRONT)
    public Response redeem(@PathParam("code") String code, @NotNull @Valid RedemptionRequest body) {
        Discounts.Redemption redemption = discounts.redeem(code, body.orderReference(), caller.get().username());
        CodeView view = CodeView.of(redemption.code());
        String path = uri.getRequestUri().getPath();
        return switch (redemption.outcome()) {
            case REDEEMED -> Response.status(Response.Status.CREATED).entity(new RedemptionView("REDEEMED", body.orderReference().strip(),
                    redemption.redemptionNumber(), redemption.redeemedAt(), view)).build();
            case ALREADY_REDEEMED -> Response.ok(new RedemptionView("ALREADY_REDEEMED", body.orderReference().strip(),
                    redemption.redemptionNumber(), redemption.redeemedAt(), view)).build();
            case REFUSED -> refused(redemption.code().status(), path);
        };
    }

    @POST
    @Idempotent
    @Allow(Role.ADMIN)
    public Response issue(@NotNull @Valid GoodwillCode body) {
        Discounts.Issued issued = discounts.issueGoodwill(new DiscountTerms(body.type(), body.value(), body.currency(), body.expiresAt(),
                body.redemptionLimit()), body.reason(), body.reference(), caller.get().username());
        return Response.status(Response.Status.CREATED).entity(IssuedCode.of(issued.code())).build();
    }

    private static Response refused(CodeStatus status, String path) {
        return switch (status) {
            case EXPIRED -> Problem.of(Response.Status.CONFLICT, "code-expired", "The code has expired", path).toResponse();
            case USED_UP -> Problem.of(Response.Status.CONFLICT, "code-used-up", "The code has been redeemed as often as it may be",
                    path).toResponse();
            case UNKNOWN, VALID -> Problem.of(Response.Status.NOT_FOUND, "unknown-code", "There is no such code", path).toResponse();
        };
    }
}
