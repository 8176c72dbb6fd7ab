package io.amends.web.cases;

import io.amends.cases.boundary.Apologies;
import io.amends.coach.control.ApologyTemplate;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;

/** The language coach on its own, for checking a letter as it is written, and the templates to start from. */
@Path("apology-coach")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoachResource {

    @EJB
    Apologies apologies;

    public record Letter(@Size(max = 8) String language, @NotNull @Size(max = 20000) String text) {
    }

    public record TemplateView(String name, String text, Set<String> placeholders) {
    }

    @POST
    @Path("check")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public ApologiesResource.CoachingView check(@NotNull @Valid Letter letter) {
        return ApologiesResource.CoachingView.of(apologies.check(letter.language(), letter.text()));
    }

    @GET
    @Path("templates")
    @Allow({Role.ACCOUNT_MANAGER, Role.ADMIN})
    public List<TemplateView> templates(@QueryParam("language") String language) {
        return apologies.templates(language).stream().map(t -> new TemplateView(t.name(), t.text(), t.placeholders())).toList();
    }
}
