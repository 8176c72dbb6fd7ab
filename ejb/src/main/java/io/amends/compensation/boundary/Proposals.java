package io.amends.compensation.boundary;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.audit.boundary.LedgerFigures;
import io.amends.cases.boundary.Cases;
import io.amends.cases.entity.ApologyCase;
import io.amends.compensation.control.Policy;
import io.amends.compensation.control.PolicyDecision;
import io.amends.compensation.control.PolicyRequest;
import io.amends.compensation.control.PolicySettings;
import io.amends.compensation.entity.Approval;
import io.amends.compensation.entity.CompensationKind;
import io.amends.compensation.entity.CompensationProposal;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.PolicyConfiguration;
import io.amends.compensation.entity.ProposalStatus;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.entity.Forbidden;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Compensation proposals: the LTV-aware policy's verdict at proposal time, the finance queue with its four-eyes rules,
 * approval and rejection, withdrawal, and the policy settings an administrator keeps.
 *
 * <p>Proposals of one account are serialized by a lock on the account row while the verdict is computed and the
 * proposal written, so two proposals made at once cannot both slip under a cap: the second sees the first as
 * pending spend.
 */
@Stateless
public class Proposals {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Cases cases;

    @EJB
    Accounts accounts;

    @EJB
    Users users;

    @EJB
    AuditTrail audit;

    @EJB
    LedgerFigures figures;

    @Inject
    AmendsClock clock;

    @Inject
    Event<ProposalApproved> approvals;

    @Inject
    @ConfigProperty(name = "amends.recurrence.window", defaultValue = "P180D")
    Duration recurrenceWindow;

    /**
     * What an account manager proposes. A gift names a catalog item (its price is the cost); a discount gives its
     * terms and what it costs the company ({@code amount}, a decimal in the account's currency).
     */
    public record Propose(
            @NotNull Long contactId,
            @NotNull CompensationKind kind,
            Long catalogItemId,
            @Size(max = 200) String description,
            @Size(max = 2000) String cardMessage,
            @Pattern(regexp = "PERCENT|AMOUNT", message = "is PERCENT or AMOUNT") String discountType,
            @Positive Long discountValue,
            Instant discountExpiresAt,
            @Size(max = 30) @Pattern(regexp = "\\d{1,12}(\\.\\d{1,3})?", message = "is an amount like 25.00") String amount) {
    }

    /** The policy's verdict for a proposal, with the cost it was decided on. */
    public record Evaluation(Money cost, PolicyDecision decision) {
    }

    /** Fired in the transaction that approves a proposal (automatically or by finance): fulfillment takes it from here. */
    public record ProposalApproved(long proposalId) {
    }

    /** A proposal waiting for finance, with what the approver needs to decide and whether this approver may. */
    public record QueueItem(CompensationProposal proposal, ApologyCase apologyCase, CustomerAccount account, List<Approval> approvals,
                            String cannotApproveBecause) {

        public long approvalsSoFar() {
            return approvals.size();
        }
    }

    public record Queue(List<QueueItem> items, long total, int page, int size) {
    }

    /** The verdict a proposal would get now, without writing anything. */
    public Evaluation preview(@NotNull Caller caller, long caseId, @NotNull @Valid Propose command) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        CustomerAccount account = em.find(CustomerAccount.class, apologyCase.getAccountId());
        checkContact(command, account);
        Money cost = costOf(command, account);
        return new Evaluation(cost, decide(apologyCase, account, cost));
    }

    public CompensationProposal propose(@NotNull Caller caller, long caseId, @NotNull @Valid Propose command) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        if (!apologyCase.getStatus().isActive()) {
            throw new Refused("case-not-active", "The case is " + apologyCase.getStatus() + "; reopen it to propose compensation");
        }
        CustomerAccount account = em.find(CustomerAccount.class, apologyCase.getAccountId(), LockModeType.PESSIMISTIC_WRITE);
        checkContact(command, account);
        Money cost = costOf(command, account);
        PolicyDecision decision = decide(apologyCase, account, cost);
        Instant now = clock.now();
        String description = command.description() != null && !command.description().isBlank() ? command.description().strip()
                : describe(command, cost);
        CompensationProposal proposal = new CompensationProposal(caseId, account.getId(), command.contactId(), command.kind(),
                command.catalogItemId(), description, command.cardMessage(), command.discountType(), command.discountValue(),
                command.discountExpiresAt(), cost, decision.verdict(), decision.explanation(), caller.username(), now);
        em.persist(proposal);
        em.flush();
        audit.append(AuditEvent.of(caller, "COMPENSATION_PROPOSED", apologyCase.getCaseKey(), account.getId(),
                        "Proposal " + proposal.getId() + " (" + description + "): " + decision.toAuditString())
                .withMoney(cost.amountMinor(), cost.currency()).withVerdict(decision.verdict().name()));
        cases.record(apologyCase, caller, "COMPENSATION_PROPOSED", description + ", " + cost.format() + ": " + decision.verdict(), false);
        if (proposal.getStatus() == ProposalStatus.APPROVED) {
            approvals.fire(new ProposalApproved(proposal.getId()));
        }
        return proposal;
    }

    private void checkContact(Propose command, CustomerAccount account) {
        Contact contact = em.find(Contact.class, command.contactId());
        if (contact == null || !contact.getAccountId().equals(account.getId())) {
            throw new Invalid("contactId", "Contact " + command.contactId() + " is not a contact of this account");
        }
        if (command.kind().isGift() && !contact.hasPostalAddress()) {
            throw new Invalid("contactId", contact.getName() + " has no postal address for a gift; add one or propose a discount");
        }
    }

    /** The cost in the account's currency: the catalog price of a gift, the stated amount of a discount. */
    Money costOf(Propose command, CustomerAccount account) {
        if (command.kind() == CompensationKind.DISCOUNT_CODE) {
            if (command.discountType() == null || command.discountValue() == null || command.amount() == null) {
                throw new Invalid("discountType", "A discount needs discountType, discountValue and its cost as amount");
            }
            if ("PERCENT".equals(command.discountType()) && command.discountValue() > 100) {
                throw new Invalid("discountValue", "A percentage discount is at most 100");
            }
            if (command.discountExpiresAt() == null || !command.discountExpiresAt().isAfter(clock.now())) {
                throw new Invalid("discountExpiresAt", "A discount needs an expiry in the future");
            }
        }
        if (command.amount() != null) {
            try {
                return Money.parse(account.getCurrency(), command.amount());
            } catch (IllegalArgumentException e) {
                throw new Invalid("amount", e.getMessage());
            }
        }
        return catalogPrice(command, account);
    }

    /** The catalog price; overridden once fulfillment's catalog is wired in (see {@link CatalogPrices}). */
    Money catalogPrice(Propose command, CustomerAccount account) {
        if (command.catalogItemId() == null) {
            throw new Invalid("catalogItemId", "A gift names a catalog item (or states its amount)");
        }
        return prices.priceOf(command.catalogItemId(), account.getCurrency(), contactCountry(command.contactId()));
    }

    @EJB
    CatalogPrices prices;

    private String contactCountry(long contactId) {
        return Optional.ofNullable(em.find(Contact.class, contactId)).map(Contact::getCountry).orElse(null);
    }

    private static String describe(Propose command, Money cost) {
        return switch (command.kind()) {
            case FLOWERS -> "Flowers";
            case CHOCOLATES -> "Chocolates";
            case HANDWRITTEN_CARD -> "Handwritten card";
            case DISCOUNT_CODE -> "Discount " + ("PERCENT".equals(command.discountType()) ? command.discountValue() + "%"
                    : Money.of(cost.currency(), command.discountValue()).format());
        };
    }

    PolicyDecision decide(ApologyCase apologyCase, CustomerAccount account, Money cost) {
        Instant now = clock.now();
        String currency = account.getCurrency();
        PolicySettings settings = settings().settingsIn(currency);
        long ltv = accounts.lifetimeValueAt(account.getId(), now);
        long spend12m = figures.spend12m(account.getId(), now);
        long spendOnCase = ((Number) em.createNativeQuery("SELECT COALESCE(SUM(cost_minor), 0) FROM compensation_proposal "
                + "WHERE case_id = ? AND counts_against_caps = TRUE").setParameter(1, apologyCase.getId()).getSingleResult()).longValue();
        int recurrences = apologyCase.getRootCauseId() == null ? 0 : ((Number) em.createNativeQuery("SELECT COUNT(*) FROM apology_case "
                        + "WHERE account_id = ? AND root_cause_id = ? AND id <> ? AND opened_at >= ? AND opened_at <= ?")
                .setParameter(1, account.getId()).setParameter(2, apologyCase.getRootCauseId()).setParameter(3, apologyCase.getId())
                .setParameter(4, apologyCase.getOpenedAt().minus(recurrenceWindow).atOffset(java.time.ZoneOffset.UTC))
                .setParameter(5, apologyCase.getOpenedAt().atOffset(java.time.ZoneOffset.UTC))
                .getSingleResult()).intValue();
        try {
            return Policy.decide(settings, new PolicyRequest(cost, Money.of(currency, ltv), Money.of(currency, spendOnCase),
                    Money.of(currency, spend12m), apologyCase.getSeverity(), recurrences));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Invalid("amount", e.getMessage());
        }
    }

    public PolicyConfiguration settings() {
        PolicyConfiguration row = em.find(PolicyConfiguration.class, PolicyConfiguration.ID);
        if (row == null) {
            row = PolicyConfiguration.from(PolicySettings.defaults(), "defaults", clock.now());
            em.persist(row);
        }
        return row;
    }

    /** An administrator changes the policy; the change is audited with the settings before and after. */
    public PolicyConfiguration changeSettings(@NotNull Caller caller, long expectedVersion, @NotNull PolicySettings newSettings) {
        PolicyConfiguration row = settings();
        if (expectedVersion >= 0 && row.getVersion() != expectedVersion) {
            throw new jakarta.persistence.OptimisticLockException("The policy was changed by someone else; reload and try again");
        }
        String before = describe(row.settingsIn(newSettings.currency()));
        row.apply(newSettings, caller.username(), clock.now());
        audit.append(AuditEvent.of(caller, "POLICY_CHANGED", null, null, "Before: " + before + " | After: " + describe(newSettings)));
        return row;
    }

    static String describe(PolicySettings s) {
        return "caseCap=" + s.caseCapBasisPoints() + "bp rolling12mCap=" + s.rolling12mCapBasisPoints() + "bp floor="
                + s.floor().amountMinor() + " autoApproval=" + s.autoApprovalLimit().amountMinor() + " financeLimit="
                + s.financeLimit().amountMinor() + " ceiling=" + s.absoluteCeiling().amountMinor() + " severity="
                + s.severityMultiplierBasisPoints() + " recurrenceStep=" + s.recurrenceBonusBasisPoints() + "bp recurrenceMax="
                + s.recurrenceBonusCapBasisPoints() + "bp";
    }

    public List<CompensationProposal> ofCase(@NotNull Caller caller, long caseId) {
        cases.get(caller, caseId);
        return em.createNamedQuery(CompensationProposal.OF_CASE, CompensationProposal.class).setParameter("case", caseId).getResultList();
    }

    public CompensationProposal get(@NotNull Caller caller, long proposalId) {
        CompensationProposal proposal = em.find(CompensationProposal.class, proposalId);
        if (proposal == null || !caller.canSeeAccount(proposal.getAccountId())) {
            throw new NotFound("Proposal", proposalId);
        }
        return proposal;
    }

    public List<Approval> approvalsOf(long proposalId) {
        return em.createNamedQuery(Approval.OF_PROPOSAL, Approval.class).setParameter("proposal", proposalId).getResultList();
    }

    /**
     * The finance queue: oldest first, then largest, with the context and the four-eyes answer for this approver.
     * A page costs five queries whatever its size: the page, the count, and its cases, accounts, approvals and case
     * owners each in one query.
     */
    public Queue queue(@NotNull Caller caller, @Min(0) int page, @Min(1) @Max(200) int size) {
        List<CompensationProposal> proposals = em.createNamedQuery(CompensationProposal.QUEUE, CompensationProposal.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createNamedQuery(CompensationProposal.COUNT_QUEUE, Long.class).getSingleResult();
        if (proposals.isEmpty()) {
            return new Queue(List.of(), total, page, size);
        }
        Map<Long, ApologyCase> casesById = byId(em.createQuery("SELECT c FROM ApologyCase c WHERE c.id IN :ids", ApologyCase.class)
                .setParameter("ids", proposals.stream().map(CompensationProposal::getCaseId).distinct().toList()).getResultList(),
                ApologyCase::getId);
        Map<Long, CustomerAccount> accountsById = byId(em.createQuery("SELECT a FROM CustomerAccount a WHERE a.id IN :ids",
                        CustomerAccount.class)
                .setParameter("ids", proposals.stream().map(CompensationProposal::getAccountId).distinct().toList()).getResultList(),
                CustomerAccount::getId);
        Map<Long, List<Approval>> approvals = em.createNamedQuery(Approval.OF_PROPOSALS, Approval.class)
                .setParameter("proposals", proposals.stream().map(CompensationProposal::getId).toList()).getResultStream()
                .collect(Collectors.groupingBy(Approval::getProposalId));
        Map<Long, String> owners = users.usernames(casesById.values().stream().map(ApologyCase::getOwnerId)
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<QueueItem> items = proposals.stream().map(p -> {
            ApologyCase apologyCase = casesById.get(p.getCaseId());
            List<Approval> given = approvals.getOrDefault(p.getId(), List.of());
            String owner = apologyCase.getOwnerId() == null ? null : owners.get(apologyCase.getOwnerId());
            return new QueueItem(p, apologyCase, accountsById.get(p.getAccountId()), given,
                    whyNot(caller, p, Optional.ofNullable(owner), given).orElse(null));
        }).toList();
        return new Queue(items, total, page, size);
    }

    private static <T> Map<Long, T> byId(List<T> rows, java.util.function.Function<T, Long> id) {
        return rows.stream().collect(Collectors.toMap(id, row -> row));
    }

    /** The four-eyes rules: why this caller may not decide on this proposal, if they may not. */
    Optional<String> whyNot(Caller caller, CompensationProposal proposal, ApologyCase apologyCase, List<Approval> given) {
        return whyNot(caller, proposal, Optional.ofNullable(apologyCase.getOwnerId()).flatMap(users::find).map(AppUser::getUsername),
                given);
    }

    private Optional<String> whyNot(Caller caller, CompensationProposal proposal, Optional<String> owner, List<Approval> given) {
        if (!caller.has(Role.FINANCE)) {
            return Optional.of("Only finance approves compensation");
        }
        if (proposal.getProposedBy().equals(caller.username())) {
            return Optional.of("You proposed it; someone else must approve (four eyes)");
        }
        if (owner.filter(caller.username()::equals).isPresent()) {
            return Optional.of("You own the case; someone else must approve (four eyes)");
        }
        if (given.stream().anyMatch(a -> a.getApprover().equals(caller.username()))) {
            return Optional.of("You already approved it; a second, different finance approver is needed");
        }
        return Optional.empty();
    }

    /**
     * One finance approval. Two approvers at once: the forced version increment lets exactly one commit; the other
     * gets a conflict and can look again.
     */
    public CompensationProposal approve(@NotNull Caller caller, long proposalId, @Size(max = 2000) String comment) {
        CompensationProposal proposal = decidable(caller, proposalId);
        Instant now = clock.now();
        em.persist(new Approval(proposal.getId(), caller.username(), Approval.Decision.APPROVE, comment, now));
        em.flush();
        long approved = approvalsOf(proposalId).stream().filter(a -> a.getDecision() == Approval.Decision.APPROVE).count();
        boolean complete = proposal.approvedBy(approved, now);
        ApologyCase apologyCase = em.find(ApologyCase.class, proposal.getCaseId());
        audit.append(AuditEvent.of(caller, complete ? "COMPENSATION_APPROVED" : "COMPENSATION_FIRST_APPROVAL", apologyCase.getCaseKey(),
                        proposal.getAccountId(), "Proposal " + proposal.getId() + " approved by " + caller.username() + " (" + approved
                                + " of " + proposal.getApprovalsNeeded() + ")" + (comment == null || comment.isBlank() ? "" : ": " + comment.strip()))
                .withMoney(proposal.getCostMinor(), proposal.getCurrency()).withVerdict(proposal.getVerdict().name()));
        cases.record(apologyCase, caller, "COMPENSATION_APPROVAL", proposal.getDescription() + " approved by " + caller.username()
                + (complete ? "" : "; one more finance approval is needed"), false);
        if (complete) {
            approvals.fire(new ProposalApproved(proposal.getId()));
        }
        return proposal;
    }

    public CompensationProposal reject(@NotNull Caller caller, long proposalId, @Size(max = 2000) String reason) {
        if (reason == null || reason.isBlank()) {
            throw new Invalid("comment", "A rejection needs a reason the account manager can act on");
        }
        CompensationProposal proposal = decidable(caller, proposalId);
        Instant now = clock.now();
        em.persist(new Approval(proposal.getId(), caller.username(), Approval.Decision.REJECT, reason, now));
        proposal.reject(now);
        ApologyCase apologyCase = em.find(ApologyCase.class, proposal.getCaseId());
        audit.append(AuditEvent.of(caller, "COMPENSATION_REJECTED", apologyCase.getCaseKey(), proposal.getAccountId(),
                        "Proposal " + proposal.getId() + " rejected: " + reason.strip())
                .withMoney(proposal.getCostMinor(), proposal.getCurrency()).withVerdict(proposal.getVerdict().name()));
        cases.record(apologyCase, caller, "COMPENSATION_REJECTED", proposal.getDescription() + " rejected: " + reason.strip(), false);
        return proposal;
    }

    private CompensationProposal decidable(Caller caller, long proposalId) {
        CompensationProposal proposal = get(caller, proposalId);
        em.lock(proposal, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (proposal.getStatus() != ProposalStatus.PENDING_APPROVAL) {
            throw new Refused("proposal-decided", "This proposal is already " + proposal.getStatus());
        }
        ApologyCase apologyCase = em.find(ApologyCase.class, proposal.getCaseId());
        whyNot(caller, proposal, apologyCase, approvalsOf(proposalId)).ifPresent(reason -> {
            throw new Forbidden(reason);
        });
        return proposal;
    }

    /** The proposer (or an administrator) withdraws a proposal that is not yet with fulfillment. */
    public CompensationProposal withdraw(@NotNull Caller caller, long proposalId) {
        CompensationProposal proposal = get(caller, proposalId);
        if (!proposal.getProposedBy().equals(caller.username()) && !caller.has(Role.ADMIN)) {
            throw new Forbidden("Only the account manager who proposed it, or an administrator, may withdraw a proposal");
        }
        proposal.withdraw(clock.now());
        ApologyCase apologyCase = em.find(ApologyCase.class, proposal.getCaseId());
        audit.append(AuditEvent.of(caller, "COMPENSATION_WITHDRAWN", apologyCase.getCaseKey(), proposal.getAccountId(),
                "Proposal " + proposal.getId() + " withdrawn").withMoney(proposal.getCostMinor(), proposal.getCurrency()));
        cases.record(apologyCase, caller, "COMPENSATION_WITHDRAWN", proposal.getDescription() + " withdrawn", false);
        return proposal;
    }
}
