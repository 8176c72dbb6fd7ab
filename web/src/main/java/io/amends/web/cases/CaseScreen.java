package io.amends.web.cases;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * What the screens that work on one case share: the case from the {@code case} parameter, its account and contacts,
 * a 404 when the case is not there, a 403 for a role that only reads cases, and the way back to the case page.
 */
public abstract class CaseScreen implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    private Long caseId;
    private ApologyCase apologyCase;
    private CustomerAccount account;
    private List<Contact> contacts;

    /** The view action. */
    public void load() {
        if (!Pages.requireCaseWorker(caller)) {
            return;
        }
        if (caseId == null) {
            Pages.sendError(404);
            return;
        }
        try {
            apologyCase = cases.get(caller, caseId);
            account = accounts.get(caller, apologyCase.getAccountId());
            contacts = accounts.contacts(caller, account.getId());
            loaded();
        } catch (RuntimeException e) {
            if (Pages.isNotFound(e)) {
                Pages.sendError(404);
                return;
            }
            throw e;
        }
    }

    /** Called once the case is loaded, to prepare the screen's own data. */
    protected void loaded() {
    }

    protected void backToCase() {
        Pages.redirect("/staff/case.xhtml?id=" + caseId);
    }

    public Long getCaseId() {
        return caseId;
    }

    public void setCaseId(Long caseId) {
        this.caseId = caseId;
    }

    public ApologyCase getCurrent() {
        return apologyCase;
    }

    public CustomerAccount getAccount() {
        return account;
    }

    public List<Contact> getContacts() {
        return contacts;
    }

    protected Caller caller() {
        return caller;
    }
}
