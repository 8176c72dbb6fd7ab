package io.amends.cases.boundary;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.ContactChannel;
import io.amends.cases.entity.ContactLog;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.sla.boundary.Deadlines;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The contact log of a case: calls, meetings and emails, what was understood, and the confirmation email drafted
 * from it (the practice: pick up the phone, listen, then confirm by email).
 */
@Stateless
public class ContactLogs {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Cases cases;

    @EJB
    Accounts accounts;

    @EJB
    Deadlines deadlines;

    @Inject
    AmendsClock clock;

    /** What the account manager writes down after a conversation. */
    public record LogContact(
            Long contactId,
            @NotNull ContactChannel channel,
            Instant occurredAt,
            @NotBlank @Size(max = 4000) String summary,
            @Size(max = 2000) String customerAsked,
            boolean confirmedBack) {
    }

    /** A confirmation email drafted from a logged contact, for the account manager to edit and send. */
    public record ConfirmationDraft(String to, String subject, String body) {
    }

    /** The draft as the account manager edited it; a field left out keeps the draft's. */
    public record ConfirmationEdit(@Size(max = 320) String to, @Size(max = 500) String subject, @Size(max = 20000) String body) {
    }

    /** Fired in the transaction that marks the contact confirmed back: the email goes into the outbox with it. */
    public record ConfirmationSent(long caseId, long logId, String to, String subject, String body, String language) {
    }

    @Inject
    Event<ConfirmationSent> confirmations;

    public ContactLog log(@NotNull Caller caller, long caseId, @NotNull @Valid LogContact command) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        if (command.contactId() != null) {
            Contact contact = accounts.contact(command.contactId())
                    .filter(c -> c.getAccountId().equals(apologyCase.getAccountId()))
                    .orElseThrow(() -> new Invalid("contactId", "Contact " + command.contactId() + " is not a contact of this account"));
        }
        Instant now = clock.now();
        ContactLog entry;
        try {
            entry = new ContactLog(caseId, command.contactId(), command.channel(),
                    command.occurredAt() == null ? now : command.occurredAt(), command.summary(), command.customerAsked(),
                    command.confirmedBack(), caller.username(), now);
        } catch (IllegalArgumentException e) {
            throw new Invalid("occurredAt", e.getMessage());
        }
        em.persist(entry);
        boolean first = apologyCase.getFirstContactAt() == null;
        boolean moved = apologyCase.contacted(entry.getOccurredAt());
        if (first) {
            deadlines.firstContactMade(apologyCase, entry.getOccurredAt());
        }
        cases.record(apologyCase, caller, "CONTACT_LOGGED", command.channel().name().toLowerCase(Locale.ROOT) + " with the customer: "
                + command.summary().strip(), false);
        if (moved) {
            cases.record(apologyCase, caller, "CONTACTED", "We spoke with you about this and are working on it", true);
        }
        return entry;
    }

    public List<ContactLog> ofCase(@NotNull Caller caller, long caseId) {
        cases.get(caller, caseId);
        return em.createNamedQuery(ContactLog.OF_CASE, ContactLog.class).setParameter("case", caseId).getResultList();
    }

    /**
     * Sends the (possibly edited) confirmation email of a logged contact to a contact of the account, and marks the
     * contact confirmed back. Once confirmed, a contact is not confirmed again (no second email by a double click).
     */
    public ContactLog sendConfirmation(@NotNull Caller caller, long caseId, long logId, @Valid ConfirmationEdit edit) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        ContactLog entry = em.find(ContactLog.class, logId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (entry == null || !entry.getCaseId().equals(caseId)) {
            throw new NotFound("Contact log entry", logId);
        }
        if (entry.isConfirmedBack()) {
            throw new Refused("already-confirmed", "This conversation was already confirmed back to the customer");
        }
        ConfirmationDraft draft = confirmationDraft(caller, caseId, logId);
        String to = pick(edit == null ? null : edit.to(), draft.to());
        String subject = pick(edit == null ? null : edit.subject(), draft.subject());
        String body = pick(edit == null ? null : edit.body(), draft.body());
        if (to == null) {
            throw new Invalid("to", "The contact of this conversation has no email address; name a contact's address in to");
        }
        String address = to.strip().toLowerCase(Locale.ROOT);
        boolean isContact = accounts.contacts(caller, apologyCase.getAccountId()).stream()
                .anyMatch(c -> c.getEmail() != null && c.getEmail().equals(address));
        if (!isContact) {
            throw new Invalid("to", to + " is not the address of a contact of this account");
        }
        entry.confirmedBack();
        CustomerAccount account = em.find(CustomerAccount.class, apologyCase.getAccountId());
        String when = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneId.of("UTC")).format(entry.getOccurredAt());
        cases.record(apologyCase, caller, "CONTACT_CONFIRMED", "We confirmed our conversation of " + when + " by email", true);
        confirmations.fire(new ConfirmationSent(caseId, logId, address, subject, body, account.getLanguage()));
        return entry;
    }

    private static String pick(String edited, String drafted) {
        return edited != null && !edited.isBlank() ? edited.strip() : drafted;
    }

    /** Drafts the email that confirms back to the customer what was understood and what happens next. */
    public ConfirmationDraft confirmationDraft(@NotNull Caller caller, long caseId, long logId) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        ContactLog entry = em.find(ContactLog.class, logId);
        if (entry == null || !entry.getCaseId().equals(caseId)) {
            throw new NotFound("Contact log entry", logId);
        }
        CustomerAccount account = em.find(CustomerAccount.class, apologyCase.getAccountId());
        Contact contact = entry.getContactId() == null ? null : em.find(Contact.class, entry.getContactId());
        String name = contact == null ? "" : " " + contact.getName().split(" ")[0];
        String when = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneId.of("UTC")).format(entry.getOccurredAt());
        StringBuilder body = new StringBuilder()
                .append("Dear").append(name).append(",\n\n")
                .append("thank you for taking the time to talk with me on ").append(when).append(". ")
                .append("I want to confirm what I understood, so that nothing is lost between us.\n\n")
                .append("What happened: ").append(apologyCase.getTitle()).append(".\n")
                .append("What I understood: ").append(entry.getSummary()).append("\n");
        if (entry.getCustomerAsked() != null && !entry.getCustomerAsked().isBlank()) {
            body.append("What you asked of us: ").append(entry.getCustomerAsked().strip()).append("\n");
        }
        body.append("\nIf I got anything wrong, please reply to this email and I will correct it straight away. ")
                .append("Our reference for this is ").append(apologyCase.getCaseKey()).append(".\n\n")
                .append("Kind regards,\n").append(caller.username());
        return new ConfirmationDraft(contact == null ? null : contact.getEmail(),
                "Confirming our conversation about " + apologyCase.getTitle() + " (" + apologyCase.getCaseKey() + ", "
                        + account.getName() + ")", body.toString());
    }
}
