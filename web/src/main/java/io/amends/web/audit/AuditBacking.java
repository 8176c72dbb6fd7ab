package io.amends.web.audit;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.audit.boundary.AuditTrail;
import io.amends.audit.control.Verification;
import io.amends.audit.entity.AuditEntry;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Formats;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit trail for finance: search it, verify the hash chain with one click, export it as CSV. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditTrail trail;

    @Inject
    Formats formats;

    @Inject
    Accounts accounts;

    @Inject
    Caller caller;

    private final Map<Long, String> currencies = new java.util.HashMap<>();

    @Size(max = 40)
    private String caseKey;
    private Long accountId;
    @Size(max = 80)
    private String actor;
    @Size(max = 80)
    private String action;
    private LocalDate from;
    private LocalDate to;

    private Verification verification;
    private Instant verifiedAt;
    private LazyDataModel<AuditEntry> model;

    @PostConstruct
    void init() {
        model = new LazyDataModel<>() {
            private static final long serialVersionUID = 1L;

            @Override
            public int count(Map<String, FilterMeta> filterBy) {
                return (int) trail.searchFor(caller, filter(), 0, 1).total();
            }

            @Override
            public List<AuditEntry> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
                int size = Math.max(1, Math.min(pageSize, 200));
                AuditTrail.Page page = trail.searchFor(caller, filter(), first / size, size);
                setRowCount((int) page.total());
                return page.items();
            }

            @Override
            public String getRowKey(AuditEntry entry) {
                return String.valueOf(entry.getSeq());
            }

            @Override
            public AuditEntry getRowData(String rowKey) {
                return null;
            }
        };
    }

    AuditTrail.Filter filter() {
        return new AuditTrail.Filter(blankToNull(caseKey), accountId, blankToNull(actor), blankToNull(action),
                from == null ? null : from.atStartOfDay(formats.zone()).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(formats.zone()).toInstant());
    }

    public void search() {
        // the table reloads with the filter as it now stands
    }

    public void clear() {
        caseKey = null;
        accountId = null;
        actor = null;
        action = null;
        from = null;
        to = null;
    }

    public void verify() {
        verification = trail.verify();
        verifiedAt = Instant.now();
        if (!verification.ok()) {
            Pages.error("audit.verify.broken");
        }
    }

    /** An entry's LTV, in its account's currency (an entry without an amount does not name one). */
    public String ltv(AuditEntry entry) {
        if (entry.getLtvMinor() == null) {
            return "";
        }
        String currency = entry.getCurrency() != null ? entry.getCurrency().trim() : entry.getAccountId() == null ? null
                : currencies.computeIfAbsent(entry.getAccountId(),
                        id -> accounts.find(caller, id).map(CustomerAccount::getCurrency).orElse(null));
        return currency == null ? String.valueOf(entry.getLtvMinor()) : formats.money(entry.getLtvMinor(), currency);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public LazyDataModel<AuditEntry> getModel() {
        return model;
    }

    public Verification getVerification() {
        return verification;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public String getCaseKey() {
        return caseKey;
    }

    public void setCaseKey(String caseKey) {
        this.caseKey = caseKey;
    }

    public Long getAccountId() {
        return accountId;
    }

    public void setAccountId(Long accountId) {
        this.accountId = accountId;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
