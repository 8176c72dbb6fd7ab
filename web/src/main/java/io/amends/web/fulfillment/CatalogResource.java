package io.amends.web.fulfillment;

import io.amends.fulfillment.catalog.boundary.Catalog;
import io.amends.fulfillment.catalog.entity.CatalogItem;
import io.amends.fulfillment.catalog.entity.GiftKind;
import io.amends.users.entity.Role;
import io.amends.web.platform.Idempotent;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** The gift catalog: staff browse it by kind and country; administrators add and change items. */
@Path("catalog")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    @EJB
    Catalog catalog;

    @Inject
    CurrentCaller caller;

    public record ItemView(long id, GiftKind kind, String name, String description, String vendor, String sku, long priceMinor,
                           String currency, List<String> countries, boolean active, Instant updatedAt, long version) {
        static ItemView of(CatalogItem i) {
            return new ItemView(i.getId(), i.getKind(), i.getName(), i.getDescription(), i.getVendor(), i.getSku(), i.getPriceMinor(),
                    i.getCurrency(), i.getCountries().stream().sorted().toList(), i.isActive(), i.getUpdatedAt(), i.getVersion());
        }
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public List<ItemView> list(@QueryParam("kind") GiftKind kind, @QueryParam("country") String country,
                               @QueryParam("includeRetired") boolean includeRetired) {
        List<CatalogItem> items = includeRetired && caller.get().has(Role.ADMIN) ? catalog.itemsIncludingRetired(kind, country)
                : catalog.items(kind, country);
        return items.stream().map(ItemView::of).toList();
    }

    @GET
    @Path("{id}")
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public ItemView get(@PathParam("id") long id) {
        return ItemView.of(catalog.get(id));
    }

    @POST
    @Idempotent
    @Allow(Role.ADMIN)
    public Response add(@NotNull @Valid Catalog.ItemDetails body) {
        return Response.status(Response.Status.CREATED).entity(ItemView.of(catalog.add(body, caller.get().username()))).build();
    }

    @PUT
    @Path("{id}")
    @Allow(Role.ADMIN)
    public ItemView change(@PathParam("id") long id, @NotNull @Valid Catalog.ItemDetails body) {
        return ItemView.of(catalog.change(id, body, caller.get().username()));
    }
}
