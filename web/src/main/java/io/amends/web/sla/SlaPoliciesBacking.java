package io.amends.web.sla;

import io.amends.accounts.entity.Tier;
import io.amends.cases.entity.Severity;
import io.amends.sla.boundary.Deadlines;
import io.amends.sla.entity.SlaPolicy;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.Comparator;
import java.util.List;

/**
 * SLA deadlines as an administrator sets them: how soon a case of a severity for a customer of a tier must be first
 * contacted and resolved. Pick a row, change its two numbers; {@link Deadlines} checks them and audits the change.
 * Cases already open keep the deadlines they got at intake.
 */
@Named
@ViewScoped
public class SlaPoliciesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Deadlines deadlines;

    @Inject
    Caller caller;

    private List<SlaPolicy> policies;

    private Severity severity;
    private Tier tier;

    @NotNull(message = "{amends.sla.firstContact}")
    @Min(value = 1, message = "{amends.sla.minutes}")
    private Integer firstContactMinutes;

    @NotNull(message = "{amends.sla.resolution}")
    @Min(value = 1, message = "{amends.sla.minutes}")
    private Integer resolutionMinutes;

    @PostConstruct
    void init() {
        reload();
    }

    /** Worst severity first, then the most valuable tier first (the query sorts the stored names, alphabetically). */
    private void reload() {
        policies = deadlines.policies().stream()
                .sorted(Comparator.comparing((SlaPolicy p) -> p.getKey().getSeverity()).reversed()
                        .thenComparing(p -> p.getKey().getTier()))
                .toList();
    }

    /** Puts a row into the form. */
    public void edit(SlaPolicy policy) {
        severity = policy.getKey().getSeverity();
        tier = policy.getKey().getTier();
        firstContactMinutes = policy.getFirstContactMinutes();
        resolutionMinutes = policy.getResolutionMinutes();
    }

    public void save() {
        try {
            deadlines.changePolicy(caller, severity, tier, firstContactMinutes, resolutionMinutes);
            Pages.info("sla.saved", Pages.text("enum.Severity." + severity.name()), Pages.text("enum.Tier." + tier.name()));
            reload();
            severity = null;
            tier = null;
        } catch (RuntimeException e) {
            Pages.refused(e, "edit");
        }
    }

    public void cancel() {
        severity = null;
        tier = null;
    }

    /** Whether a row is in the form. */
    public boolean isEditing() {
        return severity != null && tier != null;
    }

    public boolean isSelected(SlaPolicy policy) {
        return policy.getKey().getSeverity() == severity && policy.getKey().getTier() == tier;
    }

    public List<SlaPolicy> getPolicies() {
        return policies;
    }

    public Severity getSeverity() {
        return severity;
    }

    public Tier getTier() {
        return tier;
    }

    public Integer getFirstContactMinutes() {
        return firstContactMinutes;
    }

    public void setFirstContactMinutes(Integer firstContactMinutes) {
        this.firstContactMinutes = firstContactMinutes;
    }

    public Integer getResolutionMinutes() {
        return resolutionMinutes;
    }

    public void setResolutionMinutes(Integer resolutionMinutes) {
        this.resolutionMinutes = resolutionMinutes;
    }
}
