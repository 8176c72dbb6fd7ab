package io.amends.web.cases;

import io.amends.accounts.entity.Contact;
import io.amends.cases.boundary.Apologies;
import io.amends.cases.entity.Apology;
import io.amends.cases.entity.ApologyStatus;
import io.amends.coach.control.ApologyTemplate;
import io.amends.coach.control.Coaching;
import io.amends.coach.control.Finding;
import io.amends.coach.control.FindingSeverity;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compose an apology: start from a template, write, and see the language coach's findings while writing (each with
 * why it hurts and a better way to say it); save the draft, then send it.
 */
@Named
@ViewScoped
public class ApologyBacking extends CaseScreen {

    private static final long serialVersionUID = 1L;

    @Inject
    Apologies apologies;

    @Inject
    Users users;

    private List<ApologyTemplate> templates;
    private String templateName;
    private final Map<String, String> values = new HashMap<>();

    private Long contactId;
    private Long apologyId;

    @NotBlank(message = "{amends.apology.body}")
    @Size(max = 20000)
    private String body;

    @Size(max = 1000)
    private String overrideReason;

    private Coaching coaching;

    @Override
    protected void loaded() {
        templates = apologies.templates(getAccount().getLanguage());
        if (!templates.isEmpty()) {
            templateName = templates.get(0).name();
        }
        if (!getContacts().isEmpty()) {
            contactId = getContacts().get(0).getId();
        }
        values.put("issue", getCurrent().getTitle());
        List<Apology> drafts = apologies.ofCase(caller(), getCaseId()).stream().filter(a -> a.getStatus() == ApologyStatus.DRAFT).toList();
        if (!drafts.isEmpty()) {
            Apology latest = drafts.get(drafts.size() - 1);
            apologyId = latest.getId();
            body = latest.getBody();
            contactId = latest.getContactId() == null ? contactId : latest.getContactId();
        }
        check();
    }

    /** The coach reads the letter as it stands (called as the user types). */
    public void check() {
        coaching = apologies.check(getAccount().getLanguage(), body == null ? "" : body);
    }

    /** Fills the chosen template with the case's facts and what the user typed for its gaps. */
    public void useTemplate() {
        ApologyTemplate template = templates.stream().filter(t -> t.name().equals(templateName)).findFirst().orElse(null);
        if (template == null) {
            Pages.error("apology.template.pick");
            return;
        }
        Map<String, String> filled = new HashMap<>();
        values.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                filled.put(k, v);
            }
        });
        filled.put("contact", getContacts().stream().filter(c -> c.getId().equals(contactId)).map(Contact::getName).findFirst()
                .orElse(Pages.text("apology.template.customer")));
        filled.put("sender", users.findByUsername(caller().username()).map(AppUser::getDisplayName).orElse(caller().username()));
        try {
            body = template.fill(filled);
            check();
        } catch (IllegalArgumentException e) {
            Pages.error("apology.template.missing", e.getMessage());
        }
    }

    public void saveDraft() {
        try {
            save();
            Pages.info("apology.saved");
        } catch (RuntimeException e) {
            Pages.refused(e, "apology");
        }
        check();
    }

    public void send() {
        try {
            save();
            apologies.send(caller(), getCaseId(), apologyId, overrideReason);
            Pages.info("apology.sent");
            backToCase();
        } catch (RuntimeException e) {
            Pages.refused(e, "apology");
            check();
        }
    }

    private void save() {
        if (apologyId == null) {
            apologyId = apologies.draft(caller(), getCaseId(), new Apologies.Draft(contactId, body, null, null)).getId();
        } else {
            apologies.revise(caller(), getCaseId(), apologyId, body);
        }
    }

    public long count(String severity) {
        return coaching == null ? 0 : Apologies.counts(coaching).getOrDefault(FindingSeverity.valueOf(severity), 0L);
    }

    public List<Finding> getFindings() {
        return coaching == null ? List.of() : coaching.findings();
    }

    public boolean isBlocking() {
        return coaching != null && coaching.hasBlocking();
    }

    public List<ApologyTemplate> getTemplates() {
        return templates;
    }

    public String getTemplateName() {
        return templateName;
    }

    public void setTemplateName(String templateName) {
        this.templateName = templateName;
    }

    public Map<String, String> getValues() {
        return values;
    }

    public Long getContactId() {
        return contactId;
    }

    public void setContactId(Long contactId) {
        this.contactId = contactId;
    }

    public Long getApologyId() {
        return apologyId;
    }

    public String getBody() {
        return body;
    }

    public void setBody(String body) {
        this.body = body;
    }

    public String getOverrideReason() {
        return overrideReason;
    }

    public void setOverrideReason(String overrideReason) {
        this.overrideReason = overrideReason;
    }
}
