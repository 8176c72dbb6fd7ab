package io.amends.web.accounts;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.LtvChange;
import io.amends.accounts.entity.Tier;
import io.amends.audit.boundary.LedgerFigures;
import io.amends.cases.boundary.CaseFilter;
import io.amends.cases.boundary.Cases;
import io.amends.compensation.entity.Money;
import io.amends.platform.control.AmendsClock;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.web.cases.CaseListModel;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.io.Serializable;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** An account: its value and tier, contacts, the history of its lifetime value, and its cases. */
@Named
@ViewScoped
public class AccountBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Accounts accounts;

    @Inject
    Cases cases;

    @Inject
    LedgerFigures figures;

    @Inject
    Users users;

    @Inject
    AmendsClock clock;

    @Inject
    Caller caller;

    private Long id;
    private CustomerAccount account;
    private Tier tier;
    private LedgerFigures.Figures money;
    private List<Contact> contacts;
    private List<LtvChange> history;
    private String managerName;
    private CaseListModel caseModel;

    public void load() {
        if (id == null) {
            Pages.sendError(404);
            return;
        }
        try {
            account = accounts.get(caller, id);
        } catch (RuntimeException e) {
            if (Pages.isNotFound(e)) {
                Pages.sendError(404);
                return;
            }
            throw e;
        }
        tier = accounts.tierOf(account.getLtvMinor());
        money = figures.of(id, clock.now());
        contacts = accounts.contacts(caller, id);
        history = accounts.lifetimeValueHistory(caller, id);
        managerName = account.getManagerId() == null ? null : users.find(account.getManagerId()).map(AppUser::getDisplayName).orElse(null);
        Long accountId = id;
        caseModel = new CaseListModel(cases, caller, () -> new CaseFilter(false, false, Set.of(), Set.of(), accountId, null));
    }

    /** The LTV over time as a step line, oldest first. */
    public String getLtvChart() {
        DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder data = Json.createArrayBuilder();
        List<LtvChange> ordered = history.stream().sorted((a, b) -> a.getEffectiveAt().compareTo(b.getEffectiveAt())).toList();
        for (LtvChange change : ordered) {
            labels.add(day.format(change.getEffectiveAt().atOffset(ZoneOffset.UTC)));
            data.add(Money.of(account.getCurrency(), change.getLtvMinor()).toBigDecimal());
        }
        if (!ordered.isEmpty()) {
            labels.add(Pages.text("account.ltv.today"));
            data.add(Money.of(account.getCurrency(), account.getLtvMinor()).toBigDecimal());
        }
        return Json.createObjectBuilder().add("type", "line")
                .add("data", Json.createObjectBuilder().add("labels", labels).add("datasets", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("label", "LTV (" + account.getCurrency() + ")").add("data", data)
                                .add("stepped", true).add("borderColor", "#2f5d62").add("backgroundColor", "rgba(47,93,98,.15)")
                                .add("fill", true))))
                .add("options", Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false).add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true))))
                .build().toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CustomerAccount getAccount() {
        return account;
    }

    public Tier getTier() {
        return tier;
    }

    public LedgerFigures.Figures getMoney() {
        return money;
    }

    public List<Contact> getContacts() {
        return contacts;
    }

    public List<LtvChange> getHistory() {
        return history;
    }

    public String getManagerName() {
        return managerName;
    }

    public CaseListModel getCaseModel() {
        return caseModel;
    }
}
