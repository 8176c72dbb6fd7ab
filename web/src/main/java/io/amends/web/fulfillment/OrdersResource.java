package io.amends.web.fulfillment;

import io.amends.fulfillment.NoNul;
import io.amends.fulfillment.FulfillmentNotFound;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.fulfillment.orders.boundary.Orders;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderHistory;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * Gift orders as staff follow them: by the reference they were placed with (e.g. {@code proposal:123}), and one
 * order with its history. Orders are placed by the compensation flow, not here; a discount code is never shown.
 */
@Path("orders")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
public class OrdersResource {

    @EJB
    Orders orders;

    public record HistoryView(Instant at, String from, String to, String detail) {
        static HistoryView of(OrderHistory h) {
            return new HistoryView(h.getAt(), h.getFromStatus() == null ? null : h.getFromStatus().name(), h.getToStatus().name(),
                    h.getDetail());
        }
    }

    public record OrderView(long id, String reference, GiftKind kind, String status, String vendor, String vendorOrderId,
                            Long catalogItemId, String recipientName, String recipientCountry, long costMinor, String currency,
                            int attempts, Instant nextAttemptAt, String lastError, boolean cancelRequested, Instant createdAt,
                            Instant submittedAt, Instant updatedAt, List<HistoryView> history) {
        static OrderView of(GiftOrder o, List<HistoryView> history) {
            return new OrderView(o.getId(), o.getReference(), o.getKind(), o.getStatus().name(), o.getVendor(), o.getVendorOrderId(),
                    o.getCatalogItemId(), o.getRecipient().name(), o.getRecipient().country(), o.getCostMinor(), o.getCurrency(),
                    o.getAttempts(), o.getNextAttemptAt(), o.getLastError(), o.isCancelRequested(), o.getCreatedAt(), o.getSubmittedAt(),
                    o.getUpdatedAt(), history);
        }
    }

    @GET
    public List<OrderView> byReference(@QueryParam("reference") @NotBlank @Size(max = 120) @NoNul String reference) {
        return orders.byReference(reference).stream().map(o -> OrderView.of(o, null)).toList();
    }

    @GET
    @Path("{id}")
    public OrderView get(@PathParam("id") long id) {
        GiftOrder order = orders.find(id).orElseThrow(() -> new FulfillmentNotFound("Order", id));
        return OrderView.of(order, orders.history(id).stream().map(HistoryView::of).toList());
    }
}
