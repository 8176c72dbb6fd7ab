package io.amends.web.portal;

import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.portal.boundary.ClientCases;
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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * The client portal over HTTP: a client's own cases as the client sees them, their gifts and discounts (by gift, by
 * fulfillment order, by discount code), and raising a complaint. Another account's case, gift, order or code answers
 * 404, as if it did not exist ({@link ClientCases} decides).
 */
@Path("portal")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Allow(Role.CLIENT)
public class PortalResource {

    @EJB
    ClientCases clientCases;

    @EJB
    Cases cases;

    @Inject
    CurrentCaller caller;

    @Context
    UriInfo uri;

    @Idempotent
    @POST
    @Path("complaints")
    public Response raise(@NotNull @Valid Cases.RaiseComplaint complaint) {
        ApologyCase opened = cases.raiseComplaint(caller.get(), complaint);
        return Response.created(uri.getBaseUriBuilder().path("portal/cases/{id}").build(opened.getId()))
                .entity(clientCases.detail(caller.get(), opened.getId())).build();
    }

    @GET
    @Path("cases")
    public List<ClientCases.CaseSummary> cases() {
        return clientCases.list(caller.get());
    }

    @GET
    @Path("cases/{id}")
    public ClientCases.CaseDetail detail(@PathParam("id") long id) {
        return clientCases.detail(caller.get(), id);
    }

    @GET
    @Path("gifts")
    public List<ClientCases.Gift> gifts() {
        return clientCases.gifts(caller.get());
    }

    @GET
    @Path("gifts/{id}")
    public ClientCases.Gift gift(@PathParam("id") long id) {
        return clientCases.gift(caller.get(), id);
    }

    @GET
    @Path("orders/{id}")
    public ClientCases.Gift order(@PathParam("id") long id) {
        return clientCases.order(caller.get(), id);
    }

    @GET
    @Path("codes/{code}")
    public ClientCases.Gift code(@PathParam("code") String code) {
        return clientCases.code(caller.get(), code);
    }
}
