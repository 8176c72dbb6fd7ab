package io.amends.cases.boundary;

import io.amends.accounts.boundary.Accounts;
import io.amends.accounts.boundary.Accounts.Page;
import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.Tier;
import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.cases.entity.Apology;
import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseFacts;
import io.amends.cases.entity.Commitment;
import io.amends.cases.entity.ContactLog;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.CaseStatus;
import io.amends.cases.entity.RootCause;
import io.amends.cases.entity.Channel;
import io.amends.cases.entity.Severity;
import io.amends.platform.control.AmendsClock;
import io.amends.platform.control.Dialect;
import io.amends.platform.entity.Forbidden;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.sla.boundary.Deadlines;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Apology cases: intake, reading and listing, with the tenant rule applied in every query.
 *
 * <p>This is the transaction boundary of the case lifecycle: each method writes the case, its timeline and its
 * audit entry together, or nothing.
 */
@Stateless
public class Cases {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @Inject
    AmendsClock clock;

    @EJB
    Accounts accounts;

    @EJB
    Users users;

    @EJB
    Deadlines deadlines;

    @Inject
    Dialect dialect;

    @EJB
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "amends.recurrence.window", defaultValue = "P180D")
    Duration recurrenceWindow;

    @Inject
    @ConfigProperty(name = "amends.close.quiet-period", defaultValue = "P14D")
    Duration quietPeriod;

    @Inject
    Event<CaseResolved> resolutions;

    @Inject
    Event<ComplaintRaised> complaints;

    @Inject
    Event<ResolutionAnswered> answers;

    /** Fired in the resolving transaction: the customer is asked to confirm (the mail outbox row commits with it). */
    public record CaseResolved(long caseId) {
    }

    /** Fired in the transaction of a complaint a client raised in the portal: the owner hears of it. */
    public record ComplaintRaised(long caseId, String raisedBy) {
    }

    /** Fired when the customer (or staff on their behalf) says whether the resolution resolved it. */
    public record ResolutionAnswered(long caseId, boolean resolved, String reason, String answeredBy) {
    }

    /** What a client says when raising a complaint in the portal; the account is always the client's own. */
    public record RaiseComplaint(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 8000) String description,
                                 Severity severity) {
    }

    /** Opens a case with its SLA deadlines, links it to an earlier case with the same root cause, and records it. */
    public ApologyCase open(@NotNull Caller caller, @NotNull @Valid OpenCase command) {
        CustomerAccount account = accounts.find(caller, command.accountId())
                .orElseThrow(() -> new Invalid("accountId", "There is no account " + command.accountId()));
        List<Long> contactIds = command.contactIds() == null ? List.of() : command.contactIds();
        for (Long contactId : contactIds) {
            Contact contact = accounts.contact(contactId).orElse(null);
            if (contact == null || !contact.getAccountId().equals(account.getId())) {
                throw new Invalid("contactIds", "Contact " + contactId + " is not a contact of account " + account.getId());
            }
        }
        RootCause cause = null;
        if (command.rootCause() != null && !command.rootCause().isBlank()) {
            cause = em.createNamedQuery(RootCause.BY_CODE, RootCause.class).setParameter("code", command.rootCause())
                    .getResultStream().findFirst()
                    .orElseThrow(() -> new Invalid("rootCause", "Unknown root cause " + command.rootCause()
                            + "; an administrator maintains the list"));
        }
        Long ownerId = resolveOwner(command.owner(), account);
        Instant now = clock.now();
        Tier tier = accounts.tierOf(account.getLtvMinor());
        Deadlines.Due due = deadlines.forIntake(command.severity(), tier, now);
        long number = ((Number) em.createNativeQuery(dialect.nextValue("case_number_seq")).getSingleResult()).longValue();
        ApologyCase apologyCase = new ApologyCase(ApologyCase.keyFor(now.atZone(ZoneOffset.UTC).getYear(), number),
                account.getId(), command.title(), command.description(), command.severity(), command.channel(),
                cause == null ? null : cause.getId(), command.rootCauseNote(), ownerId, blankToNull(command.externalRef()),
                now, due.firstContact(), due.resolution());
        Optional<Earlier> earlier = cause == null ? Optional.empty() : findRecurrence(account.getId(), cause.getId(), now);
        earlier.ifPresent(e -> apologyCase.recurrenceOf(e.id()));
        em.persist(apologyCase);
        em.flush(); // references are plain ids, so EclipseLink cannot order inserts by them: write the root first
        for (Long contactId : contactIds) {
            em.createNativeQuery("INSERT INTO case_contact (case_id, contact_id) VALUES (?, ?)")
                    .setParameter(1, apologyCase.getId()).setParameter(2, contactId).executeUpdate();
        }
        // The client sees the opening line; the tier comes from the lifetime value, which the client never sees.
        List<CaseEvent> lines = new ArrayList<>();
        lines.add(event(apologyCase, caller, "OPENED", "Case opened: " + apologyCase.getTitle() + " (" + apologyCase.getSeverity()
                + ", first contact due " + due.firstContact() + ")", true));
        lines.add(event(apologyCase, caller, "SLA_SET", "Deadlines for a " + tier + " customer: first contact by "
                + due.firstContact() + ", resolution by " + due.resolution(), false));
        earlier.ifPresent(e -> lines.add(event(apologyCase, caller, "RECURRENCE", "Same root cause as " + e.caseKey() + " within "
                + recurrenceWindow.toDays() + " days: severity raised to " + apologyCase.getSeverity(), false)));
        // The trail reads the money figures before anything else is pending, so the rest is written once, in batches,
        // at commit (a query with unwritten changes makes EclipseLink write them first).
        audit.appendAll(lines.stream().map(line -> auditOf(apologyCase, caller, line)).toList());
        deadlines.startIntakeClocks(apologyCase);
        lines.forEach(em::persist);
        return apologyCase;
    }

    /**
     * A client raises a complaint in the portal: a case of their own account (whatever they send, the account is
     * theirs), on the PORTAL channel, with the SLA clock running from now. The contact is the client user's own
     * contact record when there is one (same email address), so that mails about the case reach them.
     */
    public ApologyCase raiseComplaint(@NotNull Caller caller, @NotNull @Valid RaiseComplaint complaint) {
        if (!caller.isClient() || caller.accountId() == null) {
            throw new Forbidden("Complaints are raised in the portal by a client; staff open cases with POST /api/v1/cases");
        }
        long accountId = caller.accountId();
        List<Long> contactIds = users.findByUsername(caller.username()).map(AppUser::getEmail)
                .filter(email -> email != null && !email.isBlank())
                .map(email -> em.createNamedQuery(Contact.BY_EMAIL, Contact.class)
                        .setParameter("email", email.strip().toLowerCase(java.util.Locale.ROOT)).getResultStream()
                        .filter(c -> c.getAccountId().equals(accountId)).map(Contact::getId).limit(1).toList())
                .orElse(List.of());
        Severity severity = complaint.severity() == null ? Severity.MEDIUM : complaint.severity();
        ApologyCase opened = open(caller, new OpenCase(accountId, contactIds, complaint.title(), complaint.description(), severity,
                Channel.PORTAL, null, null, null, null));
        complaints.fire(new ComplaintRaised(opened.getId(), caller.username()));
        return opened;
    }

    /** The case a new one recurs: the latest of the account with the same root cause within the window. */
    private record Earlier(long id, String caseKey) {
    }

    /**
     * The latest earlier case of the account with the same root cause within the recurrence window: two columns in
     * SQL, because building the whole case, and re-preparing a JPQL query with a row limit, cost more than the rest
     * of the lookup on every opened case. H2 chooses the {@code account_id} foreign-key index on its own and reads
     * every case of the account (EXPLAIN ANALYZE at a million cases: 111 rows and 299 page reads against 1 and 3), so
     * it is told which index answers the lookup; PostgreSQL picks it unaided.
     */
    Optional<Earlier> findRecurrence(long accountId, long causeId, Instant now) {
        String from = dialect.withIndex("apology_case", "apology_case_account_cause_ix");
        List<?> rows = em.createNativeQuery("SELECT id, case_key FROM " + from + " WHERE account_id = ? AND root_cause_id = ? "
                        + "AND opened_at >= ? ORDER BY opened_at DESC FETCH FIRST 1 ROWS ONLY")
                .setParameter(1, accountId).setParameter(2, causeId)
                .setParameter(3, now.minus(recurrenceWindow).atOffset(ZoneOffset.UTC)).getResultList();
        return rows.stream().map(row -> (Object[]) row).findFirst()
                .map(row -> new Earlier(((Number) row[0]).longValue(), (String) row[1]));
    }

    private Long resolveOwner(String owner, CustomerAccount account) {
        if (owner == null || owner.isBlank()) {
            return account.getManagerId();
        }
        AppUser user = users.findByUsername(owner)
                .filter(u -> u.hasRole(Role.ACCOUNT_MANAGER))
                .orElseThrow(() -> new Invalid("owner", owner + " is not an account manager"));
        return user.getId();
    }

    /** Writes a timeline line for the case and hands it to the audit trail, in the caller's transaction. */
    public CaseEvent record(ApologyCase apologyCase, Caller caller, String kind, String summary, boolean visibleToClient) {
        CaseEvent event = event(apologyCase, caller, kind, summary, visibleToClient);
        em.persist(event);
        audit.append(auditOf(apologyCase, caller, event));
        return event;
    }

    private CaseEvent event(ApologyCase apologyCase, Caller caller, String kind, String summary, boolean visibleToClient) {
        return new CaseEvent(apologyCase.getId(), clock.now(), caller.username(), kind, summary, visibleToClient);
    }

    private static AuditEvent auditOf(ApologyCase apologyCase, Caller caller, CaseEvent event) {
        return AuditEvent.of(caller, "CASE_" + event.getKind(), apologyCase.getCaseKey(), apologyCase.getAccountId(), event.getSummary());
    }

    public Optional<ApologyCase> find(Caller caller, long id) {
        return Optional.ofNullable(em.find(ApologyCase.class, id)).filter(c -> caller.canSeeAccount(c.getAccountId()));
    }

    /** The case, if it exists and the caller may see it; "not found" otherwise, so ids cannot be probed. */
    public ApologyCase get(Caller caller, long id) {
        return find(caller, id).orElseThrow(() -> new NotFound("Case", id));
    }

    public ApologyCase getByKey(Caller caller, String key) {
        return em.createNamedQuery(ApologyCase.BY_KEY, ApologyCase.class).setParameter("key", key)
                .getResultStream().findFirst().filter(c -> caller.canSeeAccount(c.getAccountId()))
                .orElseThrow(() -> new NotFound("Case", key));
    }

    public List<CaseEvent> timeline(Caller caller, long caseId) {
        get(caller, caseId);
        return em.createNamedQuery(caller.isClient() ? CaseEvent.VISIBLE_OF_CASE : CaseEvent.OF_CASE, CaseEvent.class)
                .setParameter("case", caseId).getResultList();
    }

    /**
     * Lists cases, most urgent first (the nearest deadline), paged on the server. A client sees their account's only.
     */
    public Page<ApologyCase> list(@NotNull Caller caller, @NotNull CaseFilter filter, @Min(0) int page,
                                  @Min(1) @Max(200) int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (caller.isClient()) {
            where.append(" AND c.accountId = :tenant");
            parameters.put("tenant", caller.accountId());
        }
        if (filter.mine()) {
            Long me = users.findByUsername(caller.username()).map(AppUser::getId).orElse(-1L);
            where.append(" AND c.ownerId = :me");
            parameters.put("me", me);
        }
        Set<CaseStatus> statuses = filter.statuses() == null || filter.statuses().isEmpty()
                ? EnumSet.noneOf(CaseStatus.class) : EnumSet.copyOf(filter.statuses());
        if (filter.active() && statuses.isEmpty()) {
            statuses.addAll(CaseStatus.ACTIVE);
        }
        boolean onlyActive = !statuses.isEmpty() && CaseStatus.ACTIVE.containsAll(statuses);
        if (!statuses.isEmpty() && !statuses.equals(CaseStatus.ACTIVE)) {
            where.append(" AND c.status IN :statuses");
            parameters.put("statuses", List.copyOf(statuses));
        }
        if (filter.severities() != null && !filter.severities().isEmpty()) {
            where.append(" AND c.severity IN :severities");
            parameters.put("severities", List.copyOf(filter.severities()));
        }
        if (filter.accountId() != null) {
            where.append(" AND c.accountId = :account");
            parameters.put("account", filter.accountId());
        }
        if (filter.rootCause() != null && !filter.rootCause().isBlank()) {
            Long causeId = em.createNamedQuery(RootCause.BY_CODE, RootCause.class).setParameter("code", filter.rootCause())
                    .getResultStream().findFirst().map(RootCause::getId).orElse(-1L);
            where.append(" AND c.rootCauseId = :cause");
            parameters.put("cause", causeId);
        }
        String order = " ORDER BY CASE WHEN c.nextDue IS NULL THEN 1 ELSE 0 END, c.nextDue, c.id";
        if (onlyActive) {
            // A case has a next deadline exactly while it is active (ApologyCase.updateNextDue): "every active
            // status" needs no status condition at all. Said as a range rather than IS NOT NULL, it bounds the walk
            // of the (owner_id, next_due) or (next_due) index on both databases, so an owner's list reads that
            // owner's active cases in the index, not every case the owner ever had.
            where.append(" AND c.nextDue >= :dueFrom");
            parameters.put("dueFrom", Instant.EPOCH);
            order = " ORDER BY c.nextDue, c.id";
        }
        // The page in two steps: which ids (the index answers that without reading a case row), then those cases.
        // Sorting whole rows to keep twenty would read every matching row first, at random places on disk.
        TypedQuery<Long> which = em.createQuery("SELECT c.id FROM ApologyCase c" + where + order, Long.class);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(c) FROM ApologyCase c" + where, Long.class);
        parameters.forEach((name, value) -> {
            which.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Long> ids = which.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<Long, ApologyCase> byId = ids.isEmpty() ? Map.of() : em.createQuery("SELECT c FROM ApologyCase c WHERE c.id IN :ids",
                ApologyCase.class).setParameter("ids", ids).getResultStream().collect(Collectors.toMap(ApologyCase::getId, c -> c));
        // in the page's order; a case gone between the two reads makes the page one shorter, never wrong
        List<ApologyCase> items = ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new Page<>(items, count.getSingleResult(), page, size);
    }

    /** What the lifecycle guards need to know about the case, counted in the database. */
    public CaseFacts facts(long caseId) {
        long contacts = em.createNamedQuery(ContactLog.COUNT_OF_CASE, Long.class).setParameter("case", caseId).getSingleResult();
        long apologies = em.createNamedQuery(Apology.SENT_OF_CASE, Long.class).setParameter("case", caseId).getSingleResult();
        long commitments = em.createNamedQuery(Commitment.UNSETTLED_OF_CASE, Long.class).setParameter("case", caseId).getSingleResult();
        long compensations = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM compensation_proposal WHERE case_id = ? "
                + "AND status IN ('PENDING_APPROVAL', 'APPROVED', 'FULFILLING')").setParameter(1, caseId).getSingleResult()).longValue();
        return new CaseFacts(contacts, apologies, commitments, compensations);
    }

    /**
     * Loads a case for a change, checking the version the caller saw (negative: no check) so no update is lost. Every
     * change bumps the version, even one that leaves the columns as they were, so that of two changes made from the
     * same version exactly one commits and the other gets a conflict.
     */
    public ApologyCase forChange(Caller caller, long id, long expectedVersion) {
        ApologyCase apologyCase = get(caller, id);
        if (expectedVersion >= 0 && apologyCase.getVersion() != expectedVersion) {
            throw new OptimisticLockException("Case " + apologyCase.getCaseKey() + " was changed by someone else (now version "
                    + apologyCase.getVersion() + ", you had " + expectedVersion + "); reload and try again");
        }
        em.lock(apologyCase, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        return apologyCase;
    }

    /** Resolves the case: every commitment done or waived, every compensation settled. */
    public ApologyCase resolve(@NotNull Caller caller, long id, long expectedVersion, String summary) {
        ApologyCase apologyCase = forChange(caller, id, expectedVersion);
        apologyCase.resolve(facts(id), clock.now());
        deadlines.resolved(apologyCase);
        record(apologyCase, caller, "RESOLVED", summary == null || summary.isBlank() ? "Case resolved" : "Case resolved: " + summary.strip(), true);
        resolutions.fire(new CaseResolved(apologyCase.getId()));
        return apologyCase;
    }

    /** Closes a resolved case, on the customer's confirmation or after the quiet period. */
    public ApologyCase close(@NotNull Caller caller, long id, long expectedVersion, boolean confirmedByCustomer) {
        ApologyCase apologyCase = forChange(caller, id, expectedVersion);
        if (caller.isClient() && !confirmedByCustomer) {
            throw new Forbidden("A client closes a case only by confirming that it is resolved");
        }
        apologyCase.close(confirmedByCustomer, quietPeriod, clock.now());
        record(apologyCase, caller, "CLOSED", confirmedByCustomer ? "The customer confirmed the resolution; case closed"
                : "No objection during the quiet period of " + quietPeriod.toDays() + " days; case closed", true);
        return apologyCase;
    }

    /** Puts a resolved or closed case back to work, with a fresh resolution deadline. */
    public ApologyCase reopen(@NotNull Caller caller, long id, long expectedVersion, String reason) {
        ApologyCase apologyCase = forChange(caller, id, expectedVersion);
        apologyCase.reopen(reason);
        CustomerAccount account = em.find(CustomerAccount.class, apologyCase.getAccountId());
        Instant due = clock.now().plus(deadlines.resolutionWithin(apologyCase.getSeverity(), accounts.tierOf(account.getLtvMinor())));
        apologyCase.resolutionDueBy(due);
        deadlines.reopened(apologyCase);
        record(apologyCase, caller, "REOPENED", "Case reopened: " + reason.strip() + " (resolution now due " + due + ")", true);
        return apologyCase;
    }

    /**
     * The customer's answer to "is it resolved?": yes closes the case (confirmed by the customer), no reopens it with
     * their reason. A client answers for a case of their own account, and only while it is resolved.
     */
    public ApologyCase answerResolution(@NotNull Caller caller, long id, long expectedVersion, boolean resolved,
                                        @Size(max = 1000) String reason) {
        ApologyCase apologyCase = get(caller, id);
        if (apologyCase.getStatus() != CaseStatus.RESOLVED) {
            throw new Refused("case-not-resolved", "Case " + apologyCase.getCaseKey() + " is " + apologyCase.getStatus()
                    + "; only a resolved case waits for your confirmation"
                    + (apologyCase.getStatus() == CaseStatus.CLOSED ? " (raise a new complaint if it happened again)" : ""));
        }
        ApologyCase answered;
        if (resolved) {
            answered = close(caller, id, expectedVersion, true);
        } else {
            if (reason == null || reason.isBlank()) {
                throw new Invalid("reason", "Tell us what is still not right, so that we can put it right");
            }
            answered = reopen(caller, id, expectedVersion, (caller.isClient() ? "the customer says it is not resolved: "
                    : "the customer told us it is not resolved: ") + reason.strip());
        }
        answers.fire(new ResolutionAnswered(id, resolved, reason == null ? null : reason.strip(), caller.username()));
        return answered;
    }

    /** Hands the case to another account manager. */
    public ApologyCase assign(@NotNull Caller caller, long id, long expectedVersion, @NotNull String owner) {
        ApologyCase apologyCase = forChange(caller, id, expectedVersion);
        AppUser user = users.findByUsername(owner).filter(u -> u.hasRole(Role.ACCOUNT_MANAGER))
                .orElseThrow(() -> new Invalid("owner", owner + " is not an account manager"));
        apologyCase.assignTo(user.getId());
        record(apologyCase, caller, "ASSIGNED", "Case assigned to " + user.getDisplayName(), false);
        return apologyCase;
    }

    /** Closes resolved cases whose quiet period has passed without objection; called by the SLA sweep. */
    public int closeQuietCases(int limit) {
        List<Long> ids = em.createQuery("SELECT c.id FROM ApologyCase c WHERE c.status = io.amends.cases.entity.CaseStatus.RESOLVED "
                + "AND c.resolvedAt <= :before ORDER BY c.resolvedAt", Long.class)
                .setParameter("before", clock.now().minus(quietPeriod)).setMaxResults(limit).getResultList();
        Caller system = Caller.system("sla-sweep");
        for (Long id : ids) {
            close(system, id, -1, false);
        }
        return ids.size();
    }

    public Duration quietPeriod() {
        return quietPeriod;
    }

    public List<RootCause> rootCauses() {
        return em.createNamedQuery(RootCause.ALL, RootCause.class).getResultList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
