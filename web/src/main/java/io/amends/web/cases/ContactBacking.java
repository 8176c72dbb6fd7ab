package io.amends.web.cases;

import io.amends.cases.boundary.ContactLogs;
import io.amends.cases.entity.ContactChannel;
import io.amends.cases.entity.ContactLog;
import io.amends.web.platform.Formats;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Log a contact: what was said in a call, meeting or email, then the confirmation email drafted from it (the
 * practice: listen, then confirm by email).
 */
@Named
@ViewScoped
public class ContactBacking extends CaseScreen {

    private static final long serialVersionUID = 1L;

    @Inject
    ContactLogs contactLogs;

    @Inject
    Formats formats;

    private Long contactId;

    @NotNull(message = "{amends.contact.channel}")
    private ContactChannel channel = ContactChannel.CALL;

    @NotNull(message = "{amends.contact.when}")
    private LocalDateTime occurredAt;

    @NotBlank(message = "{amends.contact.summary}")
    @Size(max = 4000)
    private String summary;

    @Size(max = 2000)
    private String customerAsked;

    private boolean confirmedBack;

    private ContactLogs.ConfirmationDraft draft;
    private ZoneId zone;

    @Override
    protected void loaded() {
        zone = formats.zone();
        occurredAt = LocalDateTime.now(zone).truncatedTo(ChronoUnit.MINUTES);
        if (!getContacts().isEmpty()) {
            contactId = getContacts().get(0).getId();
        }
    }

    public void save() {
        try {
            ContactLog entry = contactLogs.log(caller(), getCaseId(), new ContactLogs.LogContact(contactId, channel,
                    occurredAt.atZone(zone).toInstant(), summary, customerAsked, confirmedBack));
            draft = contactLogs.confirmationDraft(caller(), getCaseId(), entry.getId());
            Pages.info("contact.logged");
        } catch (RuntimeException e) {
            Pages.refused(e, "contact");
        }
    }

    public void done() {
        backToCase();
    }

    public ContactChannel[] getChannels() {
        return ContactChannel.values();
    }

    public ContactLogs.ConfirmationDraft getDraft() {
        return draft;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public ContactChannel getChannel() {
        return channel;
    }

    public void setChannel(ContactChannel channel) {
        this.channel = channel;
    }

    public LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public String getCustomerAsked() {
        return customerAsked;
    }

    public void setCustomerAsked(String customerAsked) {
        this.customerAsked = customerAsked;
    }

    public boolean isConfirmedBack() {
        return confirmedBack;
    }

    public void setConfirmedBack(boolean confirmedBack) {
        this.confirmedBack = confirmedBack;
    }
}
