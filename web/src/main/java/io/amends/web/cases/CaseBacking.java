package io.amends.web.cases;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.Tier;
import io.amends.audit.boundary.LedgerFigures;
import io.amends.cases.boundary.Apologies;
import io.amends.cases.boundary.CaseFilter;
import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.Commitments;
import io.amends.cases.boundary.ContactLogs;
import io.amends.cases.entity.Apology;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.CaseFacts;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.Commitment;
import io.amends.cases.entity.ContactLog;
import io.amends.cases.entity.RootCause;
import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.platform.control.AmendsClock;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The case page: the story at a glance (timeline, contacts, letters, commitments, compensation), the customer's
 * value, the account's other cases, and the moves the case's state allows, each disabled with its reason otherwise.
 *
 * <p>What is allowed comes from {@link CaseStatus#canMoveTo} and the guard facts {@link Cases#facts} counts; the
 * boundary still decides, and its refusal is shown if the page was out of date.
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Cases cases;

    @Inject
    Accounts accounts;

    @Inject
    ContactLogs contactLogs;

    @Inject
    Apologies apologies;

    @Inject
    Commitments commitments;

    @Inject
    Proposals proposals;

    @Inject
    LedgerFigures figures;

    @Inject
    Users users;

    @Inject
    AmendsClock clock;

    @Inject
    Caller caller;

    /** One thing the user can do here, and if not, why not. */
    public static final class Action implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String name;
        private final boolean allowed;
        private final String reason;

        Action(String name, boolean allowed, String reason) {
            this.name = name;
            this.allowed = allowed;
            this.reason = reason;
        }

        public String getName() {
            return name;
        }

        public boolean isAllowed() {
            return allowed;
        }

        public String getReason() {
            return reason;
        }
    }

    private Long id;
    private ApologyCase apologyCase;
    private CustomerAccount account;
    private Tier tier;
    private LedgerFigures.Figures money;
    private CaseFacts facts;
    private List<CaseEvent> timeline;
    private List<ContactLog> contactLog;
    private List<Apology> letters;
    private List<Commitment> promises;
    private List<CompensationProposal> compensation;
    private List<ApologyCase> otherCases;
    private List<Contact> contacts;
    private Map<Long, String> contactNames;
    private String ownerName;
    private String rootCauseLabel;
    private String recurrenceOfKey;
    private Map<String, Action> actions;

    @Size(max = 1000)
    private String resolveSummary;

    @NotBlank(message = "{amends.reopen.reason}")
    @Size(max = 1000)
    private String reopenReason;

    private final Map<Long, String> waiveReasons = new HashMap<>();

    /** The view action: loads the case, or answers 404 when it does not exist or is not the caller's to see. */
    public void load() {
        if (id == null) {
            Pages.sendError(404);
            return;
        }
        try {
            refresh();
        } catch (RuntimeException e) {
            if (Pages.isNotFound(e)) {
                Pages.sendError(404);
                return;
            }
            throw e;
        }
    }

    void refresh() {
        apologyCase = cases.get(caller, id);
        account = accounts.get(caller, apologyCase.getAccountId());
        tier = accounts.tierOf(account.getLtvMinor());
        money = figures.of(account.getId(), clock.now());
        facts = cases.facts(id);
        timeline = new ArrayList<>(cases.timeline(caller, id));
        Collections.reverse(timeline);
        contactLog = contactLogs.ofCase(caller, id);
        letters = apologies.ofCase(caller, id);
        promises = commitments.ofCase(caller, id);
        compensation = proposals.ofCase(caller, id);
        otherCases = cases.list(caller, new CaseFilter(false, false, Set.of(), Set.of(), account.getId(), null), 0, 50).items()
                .stream().filter(c -> !c.getId().equals(id)).toList();
        contacts = accounts.contacts(caller, account.getId());
        contactNames = contacts.stream().collect(Collectors.toMap(Contact::getId, Contact::getName));
        ownerName = apologyCase.getOwnerId() == null ? null
                : users.find(apologyCase.getOwnerId()).map(AppUser::getDisplayName).orElse(null);
        rootCauseLabel = apologyCase.getRootCauseId() == null ? null : cases.rootCauses().stream()
                .filter(r -> r.getId().equals(apologyCase.getRootCauseId())).map(RootCause::getLabel).findFirst().orElse(null);
        recurrenceOfKey = apologyCase.getRecurrenceOfId() == null ? null
                : cases.find(caller, apologyCase.getRecurrenceOfId()).map(ApologyCase::getCaseKey).orElse(null);
        actions = decideActions();
    }

    private Map<String, Action> decideActions() {
        Map<String, Action> result = new HashMap<>();
        CaseStatus status = apologyCase.getStatus();
        boolean worker = Pages.worksCases(caller);
        String notWorker = Pages.text("case.action.notWorker");
        String notActive = Pages.text("case.action.notActive", fmtStatus(status));
        for (String work : List.of("contact", "apology", "commitment", "proposal")) {
            result.put(work, new Action(work, worker && status.isActive(), !worker ? notWorker : status.isActive() ? null : notActive));
        }
        List<String> whyNotResolve = new ArrayList<>();
        if (!worker) {
            whyNotResolve.add(notWorker);
        }
        if (!status.canMoveTo(CaseStatus.RESOLVED)) {
            whyNotResolve.add(Pages.text("case.action.noSuchMove", fmtStatus(status), fmtStatuses(status.next())));
        }
        if (facts.openCommitments() > 0) {
            whyNotResolve.add(Pages.text("case.action.openCommitments", facts.openCommitments()));
        }
        if (facts.openCompensations() > 0) {
            whyNotResolve.add(Pages.text("case.action.openCompensations", facts.openCompensations()));
        }
        result.put("resolve", new Action("resolve", whyNotResolve.isEmpty(), String.join(" ", whyNotResolve)));
        boolean reopen = worker && status.canMoveTo(CaseStatus.REOPENED);
        result.put("reopen", new Action("reopen", reopen, reopen ? null : !worker ? notWorker
                : Pages.text("case.action.noSuchMove", fmtStatus(status), fmtStatuses(status.next()))));
        boolean close = worker && status.canMoveTo(CaseStatus.CLOSED);
        result.put("close", new Action("close", close, close ? null : !worker ? notWorker
                : Pages.text("case.action.noSuchMove", fmtStatus(status), fmtStatuses(status.next()))));
        return result;
    }

    private static String fmtStatus(CaseStatus status) {
        return Pages.text("enum.CaseStatus." + status.name());
    }

    private static String fmtStatuses(Set<CaseStatus> statuses) {
        return EnumSet.copyOf(statuses).stream().map(CaseBacking::fmtStatus).collect(Collectors.joining(" " + Pages.text("common.or") + " "));
    }

    public void resolve() {
        try {
            cases.resolve(caller, id, apologyCase.getVersion(), resolveSummary);
            Pages.info("case.resolved", apologyCase.getCaseKey());
            Pages.redirect("/staff/case.xhtml?id=" + id);
        } catch (RuntimeException e) {
            Pages.refused(e, "actions");
            refresh();
        }
    }

    public void reopen() {
        try {
            cases.reopen(caller, id, apologyCase.getVersion(), reopenReason);
            Pages.info("case.reopened", apologyCase.getCaseKey());
            Pages.redirect("/staff/case.xhtml?id=" + id);
        } catch (RuntimeException e) {
            Pages.refused(e, "actions");
            refresh();
        }
    }

    public void close() {
        try {
            cases.close(caller, id, apologyCase.getVersion(), true);
            Pages.info("case.closed", apologyCase.getCaseKey());
            Pages.redirect("/staff/case.xhtml?id=" + id);
        } catch (RuntimeException e) {
            Pages.refused(e, "actions");
            refresh();
        }
    }

    public void commitmentDone(long commitmentId) {
        try {
            commitments.done(caller, id, commitmentId);
            Pages.info("commitment.doneMessage");
            Pages.redirect("/staff/case.xhtml?id=" + id);
        } catch (RuntimeException e) {
            Pages.refused(e, null);
            refresh();
        }
    }

    public void waive(long commitmentId) {
        String reason = waiveReasons.get(commitmentId);
        if (reason == null || reason.isBlank()) {
            Pages.error("commitment.waiveReasonRequired");
            return;
        }
        try {
            commitments.waive(caller, id, commitmentId, reason);
            Pages.info("commitment.waivedMessage");
            Pages.redirect("/staff/case.xhtml?id=" + id);
        } catch (RuntimeException e) {
            Pages.refused(e, null);
            refresh();
        }
    }

    public String contactName(Long contactId) {
        return contactId == null ? "—" : contactNames.getOrDefault(contactId, "#" + contactId);
    }

    public boolean isWorker() {
        return Pages.worksCases(caller);
    }

    public Action action(String name) {
        return actions.get(name);
    }

    public boolean isRecurrence(ApologyCase other) {
        return other.getRecurrenceOfId() != null || other.getId().equals(apologyCase.getRecurrenceOfId())
                || id.equals(other.getRecurrenceOfId());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public ApologyCase getCurrent() {
        return apologyCase;
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

    public CaseFacts getFacts() {
        return facts;
    }

    public List<CaseEvent> getTimeline() {
        return timeline;
    }

    public List<ContactLog> getContactLog() {
        return contactLog;
    }

    public List<Apology> getLetters() {
        return letters;
    }

    public List<Commitment> getPromises() {
        return promises;
    }

    public List<CompensationProposal> getCompensation() {
        return compensation;
    }

    public List<ApologyCase> getOtherCases() {
        return otherCases;
    }

    public List<Contact> getContacts() {
        return contacts;
    }

    public String getOwnerName() {
        return ownerName;
    }

    public String getRootCauseLabel() {
        return rootCauseLabel;
    }

    public String getRecurrenceOfKey() {
        return recurrenceOfKey;
    }

    public String getResolveSummary() {
        return resolveSummary;
    }

    public void setResolveSummary(String resolveSummary) {
        this.resolveSummary = resolveSummary;
    }

    public String getReopenReason() {
        return reopenReason;
    }

    public void setReopenReason(String reopenReason) {
        this.reopenReason = reopenReason;
    }

    public Map<Long, String> getWaiveReasons() {
        return waiveReasons;
    }
}
