package io.amends.intake.boundary;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.OpenCase;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Channel;
import io.amends.cases.entity.RootCause;
import io.amends.cases.entity.Severity;
import io.amends.intake.control.Priorities;
import io.amends.intake.entity.IntakeTicket;
import io.amends.intake.entity.TriageItem;
import io.amends.intake.entity.TriageStatus;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Helpdesk intake: a ticket becomes a case of the account its requester belongs to (the SLA clock starts now), or a
 * line in the case it already became, or an item in the triage queue when nobody knows the requester.
 *
 * <p>One ticket, one case, however often and however concurrently it is sent: the ticket's row
 * ({@link IntakeTicket}, keyed by the ticket id) is locked while the ticket is handled, so a second delivery waits
 * and then finds the case the first one opened. A re-sent ticket whose content did not change changes nothing.
 */
@Stateless
public class Intake {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    TicketClaims claims;

    @EJB
    Cases cases;

    @EJB
    Accounts accounts;

    @Inject
    AmendsClock clock;

    /** What became of a ticket. */
    public enum Result {
        /** A new case was opened for the requester's account. */
        OPENED,
        /** The ticket's case got a timeline line with the changed ticket. */
        UPDATED,
        /** The ticket was sent again unchanged: nothing to do. */
        UNCHANGED,
        /** Nobody knows the requester: the ticket waits in the triage queue. */
        TRIAGED
    }

    public record Outcome(Result result, ApologyCase apologyCase, TriageItem triage) {
    }

    /** How an account manager places a ticket from triage. */
    public record Assignment(@NotNull Long accountId, Long contactId, boolean addRequesterAsContact) {
    }

    public Outcome receive(@NotNull Caller caller, @NotNull @Valid Ticket ticket) {
        Severity severity = Priorities.severityOf(ticket.priority()).orElseThrow(() -> new Invalid("priority",
                "Unknown priority " + ticket.priority() + "; known: " + Priorities.KNOWN));
        String ref = ticket.id().strip();
        Instant now = clock.now();
        claims.ensure(ref, now);
        IntakeTicket row = em.find(IntakeTicket.class, ref, LockModeType.PESSIMISTIC_WRITE);
        boolean changed = row.received(hash(ticket), now);
        if (row.getCaseId() == null && row.getTriageId() == null) {
            // a case an account manager opened by hand with this ticket as its reference takes the ticket too
            em.createNamedQuery(ApologyCase.BY_EXTERNAL_REF, ApologyCase.class).setParameter("ref", ref).getResultStream()
                    .reduce((a, b) -> b.getStatus().isActive() || !a.getStatus().isActive() ? b : a)
                    .ifPresent(c -> row.becameCase(c.getId()));
        }
        if (row.getCaseId() != null) {
            ApologyCase apologyCase = em.find(ApologyCase.class, row.getCaseId());
            if (!changed) {
                return new Outcome(Result.UNCHANGED, apologyCase, null);
            }
            cases.record(apologyCase, caller, "HELPDESK_UPDATE", "Helpdesk ticket " + ref + " (" + severity + "): "
                    + ticket.subject().strip() + ". " + ticket.description().strip(), false);
            return new Outcome(Result.UPDATED, apologyCase, null);
        }
        if (row.getTriageId() != null) {
            TriageItem item = em.find(TriageItem.class, row.getTriageId(), LockModeType.PESSIMISTIC_WRITE);
            if (item.getStatus() == TriageStatus.PENDING && changed) {
                describe(item, ticket, severity, caller);
            }
            return new Outcome(Result.TRIAGED, null, item);
        }
        List<Contact> known = em.createNamedQuery(Contact.BY_EMAIL, Contact.class)
                .setParameter("email", ticket.requester().email().strip().toLowerCase(Locale.ROOT)).getResultList();
        List<Long> accountIds = known.stream().map(Contact::getAccountId).distinct().toList();
        if (accountIds.size() != 1) {
            // nobody (or more than one account) knows this requester: a person decides
            TriageItem item = new TriageItem(ref, now);
            describe(item, ticket, severity, caller);
            em.persist(item);
            em.flush();
            row.wentToTriage(item.getId());
            return new Outcome(Result.TRIAGED, null, item);
        }
        ApologyCase opened = open(caller, ref, accountIds.get(0), List.of(known.get(0).getId()), ticket.subject(),
                ticket.description(), severity, ticket.tags());
        row.becameCase(opened.getId());
        return new Outcome(Result.OPENED, opened, null);
    }

    /** The triage queue, oldest first. */
    public List<TriageItem> triage() {
        return em.createNamedQuery(TriageItem.PENDING, TriageItem.class).getResultList();
    }

    /**
     * An account manager places a ticket from triage with an account: its case opens now (the SLA clock starts at
     * assignment, when the customer is known), optionally with the requester added as a contact so that the next
     * ticket finds them. Two managers at once: the first wins, the second is told it is taken.
     */
    public ApologyCase assign(@NotNull Caller caller, long triageId, @NotNull @Valid Assignment assignment) {
        TriageItem found = em.find(TriageItem.class, triageId);
        if (found == null) {
            throw new NotFound("Triage item", triageId);
        }
        IntakeTicket row = em.find(IntakeTicket.class, found.getTicketRef(), LockModeType.PESSIMISTIC_WRITE);
        em.refresh(found, LockModeType.PESSIMISTIC_WRITE);
        if (found.getStatus() != TriageStatus.PENDING || row.getCaseId() != null) {
            throw new Refused("triage-assigned", "Ticket " + found.getTicketRef() + " was already assigned"
                    + (found.getAssignedBy() == null ? "" : " by " + found.getAssignedBy()));
        }
        CustomerAccount account = accounts.find(caller, assignment.accountId())
                .orElseThrow(() -> new Invalid("accountId", "There is no account " + assignment.accountId()));
        Long contactId = assignment.contactId();
        if (contactId != null) {
            accounts.contact(contactId).filter(c -> c.getAccountId().equals(account.getId()))
                    .orElseThrow(() -> new Invalid("contactId", "Contact " + assignment.contactId() + " is not a contact of account "
                            + account.getId()));
        } else if (assignment.addRequesterAsContact()) {
            String name = found.getRequesterName() == null || found.getRequesterName().isBlank() ? found.getRequesterEmail()
                    : found.getRequesterName();
            contactId = accounts.addContact(caller, account.getId(), name, null, found.getRequesterEmail(), null, null, null, null, null)
                    .getId();
        } else {
            contactId = em.createNamedQuery(Contact.BY_EMAIL, Contact.class).setParameter("email", found.getRequesterEmail())
                    .getResultStream().filter(c -> c.getAccountId().equals(account.getId())).map(Contact::getId).findFirst()
                    .orElse(null);
        }
        List<String> tags = found.getTags() == null || found.getTags().isBlank() ? List.of() : List.of(found.getTags().split(" "));
        ApologyCase opened = open(caller, found.getTicketRef(), account.getId(), contactId == null ? List.of() : List.of(contactId),
                found.getSubject(), found.getDescription(), found.getSeverity(), tags);
        found.assigned(opened.getId(), caller.username(), clock.now());
        row.becameCase(opened.getId());
        cases.record(opened, caller, "TRIAGE_ASSIGNED", "Helpdesk ticket " + found.getTicketRef() + " from " + found.getRequesterEmail()
                + " assigned from triage to " + account.getName() + " by " + caller.username(), false);
        return opened;
    }

    private ApologyCase open(Caller caller, String ref, long accountId, List<Long> contactIds, String subject, String description,
                             Severity severity, List<String> tags) {
        List<String> cleanTags = tags == null ? List.of() : tags.stream().map(String::strip).filter(t -> !t.isEmpty()).toList();
        Optional<String> cause = cleanTags.stream().map(t -> t.toUpperCase(Locale.ROOT).replace('-', '_'))
                .filter(code -> em.createNamedQuery(RootCause.BY_CODE, RootCause.class).setParameter("code", code)
                        .getResultStream().findFirst().isPresent())
                .findFirst();
        String title = subject.strip();
        return cases.open(caller, new OpenCase(accountId, contactIds, title.length() > 200 ? title.substring(0, 200) : title,
                description.strip(), severity, Channel.HELPDESK, cause.orElse(null),
                cleanTags.isEmpty() ? null : truncate("Helpdesk tags: " + String.join(", ", cleanTags), 1000), null, ref));
    }

    private static void describe(TriageItem item, Ticket ticket, Severity severity, Caller caller) {
        String tags = ticket.tags() == null ? null : ticket.tags().stream().map(String::strip).filter(t -> !t.isEmpty())
                .map(t -> t.replace(' ', '_')).collect(Collectors.joining(" "));
        item.describe(ticket.requester().email().strip().toLowerCase(Locale.ROOT),
                ticket.requester().name() == null ? null : ticket.requester().name().strip(), ticket.subject().strip(),
                ticket.description().strip(), ticket.priority(), severity, tags == null || tags.isEmpty() ? null : truncate(tags, 1000),
                caller.username());
    }

    private static String truncate(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }

    static String hash(Ticket t) {
        String canonical = String.join("\u0000", t.requester().email().strip().toLowerCase(Locale.ROOT),
                t.requester().name() == null ? "" : t.requester().name().strip(), t.subject().strip(), t.description().strip(),
                t.priority() == null ? "" : t.priority().strip(), t.tags() == null ? "" : String.join(",", t.tags()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
