package io.amends.mail.boundary;

import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.boundary.Apologies;
import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.Commitments;
import io.amends.cases.boundary.ContactLogs;
import io.amends.cases.boundary.Messages;
import io.amends.cases.entity.Apology;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Commitment;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.fulfillment.orders.boundary.OrderChanged;
import io.amends.sla.boundary.Escalations;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who hears of what, by mail: the observers that turn case events into outbox rows, in the transaction of the event
 * ({@code TransactionPhase.IN_PROGRESS}), so that an action and its mail commit together or not at all.
 *
 * <table>
 *   <caption>Mails</caption>
 *   <tr><th>when</th><th>to</th><th>template</th></tr>
 *   <tr><td>the account manager sends the confirmation of a logged contact</td><td>the contact</td><td>(their own words)</td></tr>
 *   <tr><td>an apology is sent</td><td>its contact, else the case's contacts</td><td>apology</td></tr>
 *   <tr><td>a progress note for the client is written</td><td>the case's contacts</td><td>commitment_progress</td></tr>
 *   <tr><td>a gift is shipped (fulfillment's order for a proposal)</td><td>the proposal's contact</td><td>gift_shipped</td></tr>
 *   <tr><td>a case is resolved</td><td>the case's contacts</td><td>resolution_request</td></tr>
 *   <tr><td>a deadline is breached</td><td>the escalation's user, else the group address</td><td>sla_escalation</td></tr>
 *   <tr><td>a client raises a complaint, writes a message, or says a case is not resolved</td><td>the owner</td>
 *   <td>new_complaint, client_message, resolution_disputed</td></tr>
 *   <tr><td>staff write a message to the client</td><td>the case's contacts</td><td>staff_message</td></tr>
 * </table>
 * Client mails are in the account's language (falling back to English); staff mails in English.
 */
@Stateless
public class Notifications {

    private static final Logger LOG = Logger.getLogger(Notifications.class.getName());
    private static final String STAFF_LANGUAGE = "en";

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Outbox outbox;

    @EJB
    Users users;

    @Inject
    @ConfigProperty(name = "amends.portal.url", defaultValue = "http://localhost:8080")
    String portalUrl;

    @Inject
    @ConfigProperty(name = "amends.sla.escalation-group", defaultValue = "sla-escalations@amends.example")
    String escalationGroup;

    /** A person a mail goes to. */
    record Recipient(String name, String email) {
    }

    public void contactConfirmed(@Observes(during = TransactionPhase.IN_PROGRESS) ContactLogs.ConfirmationSent sent) {
        outbox.enqueueText("contact_confirmation", sent.language(), sent.to(), sent.subject(), sent.body(), sent.caseId(),
                "contact-confirmation:" + sent.logId());
    }

    public void apologySent(@Observes(during = TransactionPhase.IN_PROGRESS) Apologies.ApologySent sent) {
        ApologyCase c = em.find(ApologyCase.class, sent.caseId());
        Apology apology = em.find(Apology.class, sent.apologyId());
        List<Recipient> to = apology.getContactId() == null ? contactsOf(c)
                : Optional.ofNullable(em.find(Contact.class, apology.getContactId())).filter(k -> k.getEmail() != null)
                        .map(k -> List.of(new Recipient(k.getName(), k.getEmail()))).orElseGet(() -> contactsOf(c));
        for (Recipient r : to) {
            Map<String, String> values = caseValues(c, r);
            values.put("letter", apology.getBody());
            mailClient("apology", c, r, values, "apology:" + apology.getId() + ":" + r.email());
        }
    }

    public void progressShared(@Observes(during = TransactionPhase.IN_PROGRESS) Commitments.ProgressShared shared) {
        ApologyCase c = em.find(ApologyCase.class, shared.caseId());
        Commitment commitment = em.find(Commitment.class, shared.commitmentId());
        for (Recipient r : contactsOf(c)) {
            Map<String, String> values = caseValues(c, r);
            values.put("commitment", commitment.getDescription());
            values.put("dueDate", date(commitment.getDueAt(), language(c)));
            values.put("note", shared.note());
            mailClient("commitment_progress", c, r, values, null);
        }
    }

    public void resolved(@Observes(during = TransactionPhase.IN_PROGRESS) Cases.CaseResolved resolved) {
        ApologyCase c = em.find(ApologyCase.class, resolved.caseId());
        for (Recipient r : contactsOf(c)) {
            mailClient("resolution_request", c, r, caseValues(c, r), null);
        }
    }

    public void messagePosted(@Observes(during = TransactionPhase.IN_PROGRESS) Messages.MessagePosted posted) {
        ApologyCase c = em.find(ApologyCase.class, posted.caseId());
        if (posted.fromClient()) {
            owner(c).ifPresent(owner -> {
                Map<String, String> values = staffValues(c, owner);
                values.put("author", posted.authorName());
                values.put("message", posted.text());
                mailStaff("client_message", c, owner, values, null);
            });
        } else {
            for (Recipient r : contactsOf(c)) {
                Map<String, String> values = caseValues(c, r);
                values.put("author", posted.authorName());
                values.put("message", posted.text());
                mailClient("staff_message", c, r, values, null);
            }
        }
    }

    public void complaintRaised(@Observes(during = TransactionPhase.IN_PROGRESS) Cases.ComplaintRaised raised) {
        ApologyCase c = em.find(ApologyCase.class, raised.caseId());
        owner(c).ifPresent(owner -> {
            Map<String, String> values = staffValues(c, owner);
            values.put("author", users.findByUsername(raised.raisedBy()).map(AppUser::getDisplayName).orElse(raised.raisedBy()));
            values.put("description", c.getDescription());
            values.put("severity", c.getSeverity().name());
            values.put("firstContactDue", DateTimeFormatter.ISO_INSTANT.format(c.getFirstContactDue()));
            mailStaff("new_complaint", c, owner, values, null);
        });
    }

    public void resolutionAnswered(@Observes(during = TransactionPhase.IN_PROGRESS) Cases.ResolutionAnswered answered) {
        if (answered.resolved()) {
            return;
        }
        ApologyCase c = em.find(ApologyCase.class, answered.caseId());
        owner(c).ifPresent(owner -> {
            Map<String, String> values = staffValues(c, owner);
            values.put("author", users.findByUsername(answered.answeredBy()).map(AppUser::getDisplayName).orElse(answered.answeredBy()));
            values.put("reason", answered.reason() == null ? "" : answered.reason());
            mailStaff("resolution_disputed", c, owner, values, null);
        });
    }

    /** An overdue deadline escalates to the owner's manager (a user name) or to the group address. */
    public void slaBreached(@Observes(during = TransactionPhase.IN_PROGRESS) Escalations.SlaBreached breach) {
        ApologyCase c = em.find(ApologyCase.class, breach.caseId());
        Recipient to;
        if (breach.escalatedTo() != null && breach.escalatedTo().contains("@")) {
            to = new Recipient("team", breach.escalatedTo());
        } else {
            to = Optional.ofNullable(breach.escalatedTo()).flatMap(users::findByUsername).filter(u -> u.getEmail() != null)
                    .map(u -> new Recipient(u.getDisplayName(), u.getEmail()))
                    .orElse(new Recipient("team", escalationGroup));
        }
        Map<String, String> values = staffValues(c, to);
        values.put("deadline", switch (breach.kind()) {
            case FIRST_CONTACT -> "first contact";
            case RESOLUTION -> "resolution";
            case COMMITMENT -> "a commitment";
        });
        values.put("dueAt", DateTimeFormatter.ISO_INSTANT.format(breach.dueAt()));
        values.put("owner", breach.ownerUsername() == null ? "nobody" : breach.ownerUsername());
        mailStaff("sla_escalation", c, to, values, null);
    }

    /** A gift on its way: fulfillment reports its order for a proposal as shipped. Reported twice, mailed once. */
    public void orderChanged(@Observes(during = TransactionPhase.IN_PROGRESS) OrderChanged changed) {
        if (!"SHIPPED".equals(changed.status()) || changed.reference() == null || !changed.reference().startsWith("proposal:")) {
            return;
        }
        long proposalId;
        try {
            proposalId = Long.parseLong(changed.reference().substring("proposal:".length()));
        } catch (NumberFormatException e) {
            LOG.warning(() -> "Order " + changed.orderId() + " has a reference Amends does not know: " + changed.reference());
            return;
        }
        CompensationProposal proposal = em.find(CompensationProposal.class, proposalId);
        if (proposal == null) {
            return;
        }
        Contact contact = em.find(Contact.class, proposal.getContactId());
        if (contact == null || contact.getEmail() == null) {
            return;
        }
        ApologyCase c = em.find(ApologyCase.class, proposal.getCaseId());
        Recipient r = new Recipient(contact.getName(), contact.getEmail());
        Map<String, String> values = caseValues(c, r);
        values.put("gift", proposal.getDescription());
        values.put("detail", changed.detail() == null || changed.detail().isBlank() ? "-" : changed.detail().strip());
        mailClient("gift_shipped", c, r, values, "gift-shipped:" + changed.orderId());
    }

    private void mailClient(String template, ApologyCase c, Recipient r, Map<String, String> values, String dedupKey) {
        outbox.enqueue(template, language(c), r.email(), values, c.getId(), dedupKey);
    }

    private void mailStaff(String template, ApologyCase c, Recipient r, Map<String, String> values, String dedupKey) {
        outbox.enqueue(template, STAFF_LANGUAGE, r.email(), values, c.getId(), dedupKey);
    }

    /** The case's contacts with an email address. */
    List<Recipient> contactsOf(ApologyCase c) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT k.name, k.email FROM contact k JOIN case_contact cc ON cc.contact_id = k.id "
                + "WHERE cc.case_id = ? AND k.email IS NOT NULL ORDER BY k.id").setParameter(1, c.getId()).getResultList();
        List<Recipient> out = new ArrayList<>();
        for (Object[] row : rows) {
            out.add(new Recipient((String) row[0], (String) row[1]));
        }
        if (out.isEmpty()) {
            LOG.fine(() -> "Case " + c.getCaseKey() + " has no contact with an email address; no mail to the customer");
        }
        return out;
    }

    private Optional<Recipient> owner(ApologyCase c) {
        return Optional.ofNullable(c.getOwnerId()).flatMap(users::find).filter(u -> u.getEmail() != null)
                .map(u -> new Recipient(u.getDisplayName(), u.getEmail()));
    }

    private Map<String, String> caseValues(ApologyCase c, Recipient r) {
        Map<String, String> values = new HashMap<>();
        values.put("contactName", r.name());
        values.put("caseKey", c.getCaseKey());
        values.put("caseTitle", c.getTitle());
        values.put("accountName", account(c).getName());
        values.put("portalLink", link("/portal/case.xhtml?id=" + c.getId()));
        return values;
    }

    private Map<String, String> staffValues(ApologyCase c, Recipient r) {
        Map<String, String> values = new HashMap<>();
        values.put("recipientName", r.name());
        values.put("caseKey", c.getCaseKey());
        values.put("caseTitle", c.getTitle());
        values.put("accountName", account(c).getName());
        values.put("amendsLink", link("/"));
        return values;
    }

    private String link(String path) {
        String base = portalUrl.endsWith("/") ? portalUrl.substring(0, portalUrl.length() - 1) : portalUrl;
        return base + path;
    }

    private CustomerAccount account(ApologyCase c) {
        return em.find(CustomerAccount.class, c.getAccountId());
    }

    private String language(ApologyCase c) {
        return account(c).getLanguage();
    }

    static String date(Instant at, String language) {
        Locale locale = Locale.forLanguageTag(language == null ? "en" : language);
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).withZone(ZoneOffset.UTC).format(at);
    }
}
