package io.amends.web.cases;

import io.amends.users.entity.Role;
import io.amends.web.cases.ApologiesResource.ApologyView;
import io.amends.web.cases.CasesResource.CaseView;
import io.amends.web.cases.CasesResource.DeadlineView;
import io.amends.web.cases.CasesResource.EventView;
import io.amends.web.cases.CommitmentsResource.CommitmentView;
import io.amends.web.cases.ContactLogsResource.ContactLogView;
import io.amends.web.compensation.ProposalsResource;
import io.amends.web.security.Allow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Everything a case page shows, in one request and one transaction: the case, its timeline, deadlines, contact log,
 * apologies, commitments and compensation proposals. The same views as the separate endpoints, which it reuses; one
 * request instead of seven saves six rounds of authentication and six loads of the case (the persistence context of
 * the one transaction holds it after the first).
 */
@Path("cases/{id}/overview")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class CaseOverviewResource {

    @Inject
    CasesResource cases;

    @Inject
    ContactLogsResource contacts;

    @Inject
    ApologiesResource apologies;

    @Inject
    CommitmentsResource commitments;

    @Inject
    ProposalsResource proposals;

    public record Overview(CaseView apologyCase, List<EventView> timeline, List<DeadlineView> deadlines,
                           List<ContactLogView> contacts, List<ApologyView> apologies, List<CommitmentView> commitments,
                           List<?> proposals) {
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    @Transactional(Transactional.TxType.REQUIRED)
    public Overview get(@PathParam("id") long id) {
        return new Overview(cases.get(id), cases.timeline(id), cases.deadlines(id), contacts.list(id), apologies.list(id),
                commitments.list(id), proposals.list(id));
    }
}
