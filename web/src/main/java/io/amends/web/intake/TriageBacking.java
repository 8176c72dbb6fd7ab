package io.amends.web.intake;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.entity.ApologyCase;
import io.amends.intake.boundary.Intake;
import io.amends.intake.entity.TriageItem;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.util.List;

/**
 * The helpdesk triage queue: tickets whose requester no account knows, oldest first. An account manager reads one,
 * places it with an account, and its case opens (the SLA clock starts then); the page goes on to that case. Account
 * managers and administrators, as {@code GET /api/v1/intake/triage}; finance reads cases only.
 */
@Named
@ViewScoped
public class TriageBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** How many accounts the picker offers, by name (the boundary's page size at most). */
    private static final int ACCOUNT_CHOICES = 200;

    @Inject
    Intake intake;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    private List<TriageItem> items;
    private List<CustomerAccount> accountOptions;
    private TriageItem selected;

    @NotNull(message = "{amends.triage.account}")
    private Long accountId;

    private boolean addRequesterAsContact = true;

    /** The view action. */
    public void load() {
        if (!Pages.requireCaseWorker(caller)) {
            return;
        }
        items = intake.triage();
        accountOptions = accounts.search(caller, "", 0, ACCOUNT_CHOICES).items();
    }

    /** Opens a ticket in the assignment form. */
    public void select(TriageItem item) {
        selected = item;
        accountId = null;
        addRequesterAsContact = true;
    }

    public void cancel() {
        selected = null;
    }

    public void assign() {
        try {
            ApologyCase opened = intake.assign(caller, selected.getId(),
                    new Intake.Assignment(accountId, null, addRequesterAsContact));
            Pages.info("triage.assigned", selected.getTicketRef(), opened.getCaseKey());
            Pages.redirect("/staff/case.xhtml?id=" + opened.getId());
        } catch (RuntimeException e) {
            Pages.refused(e, "assign");
            items = intake.triage();
        }
    }

    public List<TriageItem> getItems() {
        return items;
    }

    public List<CustomerAccount> getAccountOptions() {
        return accountOptions;
    }

    public TriageItem getSelected() {
        return selected;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public boolean isAddRequesterAsContact() {
        return addRequesterAsContact;
    }

    public void setAddRequesterAsContact(boolean addRequesterAsContact) {
        this.addRequesterAsContact = addRequesterAsContact;
    }
}
