package io.amends.web.cases;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.boundary.CaseFilter;
import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.RootCause;
import io.amends.cases.entity.Severity;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * My work: the account manager's open cases, most urgent first (the boundary orders by the next deadline), with
 * filters and server-side paging.
 */
@Named
@ViewScoped
public class WorkBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    private boolean onlyMine = true;
    private CaseStatus[] statuses = new CaseStatus[0];
    private Severity[] severities = new Severity[0];
    private Long accountId;
    private String rootCause;

    private CaseListModel model;
    private List<CustomerAccount> accountOptions;
    private List<RootCause> rootCauseOptions;
    private final Map<Long, String> accountNames = new HashMap<>();

    @PostConstruct
    void init() {
        // Finance and administrators own no cases: they start with everyone's.
        onlyMine = caller.has(Role.ACCOUNT_MANAGER);
        model = new CaseListModel(cases, caller, this::filter);
        accountOptions = accounts.search(caller, "", 0, 200).items();
        accountOptions.forEach(a -> accountNames.put(a.getId(), a.getName()));
        rootCauseOptions = cases.rootCauses();
    }

    CaseFilter filter() {
        return new CaseFilter(onlyMine, true, statuses.length == 0 ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(Arrays.asList(statuses)),
                severities.length == 0 ? EnumSet.noneOf(Severity.class) : EnumSet.copyOf(Arrays.asList(severities)), accountId,
                rootCause == null || rootCause.isBlank() ? null : rootCause);
    }

    public void clear() {
        statuses = new CaseStatus[0];
        severities = new Severity[0];
        accountId = null;
        rootCause = null;
    }

    /** The statuses of cases still being worked: what this list can show. */
    public List<CaseStatus> getStatusOptions() {
        return Arrays.stream(CaseStatus.values()).filter(CaseStatus::isActive).toList();
    }

    public Severity[] getSeverityOptions() {
        return Severity.values();
    }

    public String accountName(ApologyCase c) {
        return accountNames.computeIfAbsent(c.getAccountId(),
                id -> accounts.find(caller, id).map(CustomerAccount::getName).orElse("#" + id));
    }

    public String rootCauseLabel(Long id) {
        if (id == null) {
            return "—";
        }
        return rootCauseOptions.stream().filter(r -> r.getId().equals(id)).map(RootCause::getLabel).findFirst().orElse("—");
    }

    public CaseListModel getModel() {
        return model;
    }

    public List<CustomerAccount> getAccountOptions() {
        return accountOptions;
    }

    public List<RootCause> getRootCauseOptions() {
        return rootCauseOptions;
    }

    public boolean isOnlyMine() {
        return onlyMine;
    }

    public void setOnlyMine(boolean onlyMine) {
        this.onlyMine = onlyMine;
    }

    public CaseStatus[] getStatuses() {
        return statuses;
    }

    public void setStatuses(CaseStatus[] statuses) {
        this.statuses = statuses == null ? new CaseStatus[0] : statuses;
    }

    public Severity[] getSeverities() {
        return severities;
    }

    public void setSeverities(Severity[] severities) {
        this.severities = severities == null ? new Severity[0] : severities;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public String getRootCause() {
        return rootCause;
    }

    public void setRootCause(String rootCause) {
        this.rootCause = rootCause;
    }
}
