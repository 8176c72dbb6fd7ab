package io.amends.web.portal;

import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.Severity;
import io.amends.platform.entity.BusinessException;
import io.amends.users.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** The portal's complaint form: the case opens on the client's own account, on the PORTAL channel, with its SLA clock running. */
@Named
@RequestScoped
public class ComplaintBacking {

    @Inject
    Cases cases;

    @Inject
    Caller caller;

    @Inject
    FacesContext faces;

    private String title;
    private String description;
    private Severity severity = Severity.MEDIUM;

    /** How much it affects the customer, in their words. */
    public record Choice(Severity value, String label) {
    }

    public List<Choice> getSeverities() {
        return List.of(new Choice(Severity.LOW, "A little: an annoyance"),
                new Choice(Severity.MEDIUM, "Noticeably: it cost us time or money"),
                new Choice(Severity.HIGH, "Badly: it disrupted our business"),
                new Choice(Severity.CRITICAL, "Severely: our business is stopped"));
    }

    public String raise() {
        try {
            ApologyCase opened = cases.raiseComplaint(caller, new Cases.RaiseComplaint(title, description, severity));
            return "/portal/case.xhtml?faces-redirect=true&raised=true&id=" + opened.getId();
        } catch (BusinessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public Severity getSeverity() {
        return severity;
    }

    public void setSeverity(Severity severity) {
        this.severity = severity;
    }
}
