package io.amends.cases.boundary;

import io.amends.accounts.entity.Contact;
import io.amends.accounts.entity.CustomerAccount;
import io.amends.cases.entity.Apology;
import io.amends.cases.entity.ApologyCase;
import io.amends.coach.control.ApologyTemplate;
import io.amends.coach.control.Coach;
import io.amends.coach.control.Coaching;
import io.amends.coach.control.Finding;
import io.amends.coach.control.FindingSeverity;
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
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The apology composer: drafts from templates, the language coach's findings, and sending.
 *
 * <p>A letter whose coaching has blocking findings (blame, a conditional non-apology, no responsibility taken) is
 * not sent, unless a manager (the owner's manager, or an administrator) overrides with a reason, which is kept.
 */
@Stateless
public class Apologies {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    Cases cases;

    @EJB
    Users users;

    @Inject
    AmendsClock clock;

    @Inject
    Event<ApologySent> sent;

    /** Fired in the sending transaction: the letter is mailed to the contact (the outbox row commits with it). */
    public record ApologySent(long caseId, long apologyId) {
    }

    /** A draft: either the body, or a template's name with the values for its placeholders. */
    public record Draft(Long contactId, @Size(max = 20000) String body, @Size(max = 60) String template,
                       Map<String, @Size(max = 2000) String> values) {
    }

    public List<ApologyTemplate> templates(String language) {
        return new ArrayList<>(ApologyTemplate.builtIn(language == null ? "en" : language).values());
    }

    public Coaching check(String language, @NotNull @Size(max = 20000) String text) {
        return Coach.forLanguage(language == null ? "en" : language).check(text);
    }

    public Apology draft(@NotNull Caller caller, long caseId, @NotNull @Valid Draft draft) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        CustomerAccount account = em.find(CustomerAccount.class, apologyCase.getAccountId());
        Contact contact = null;
        if (draft.contactId() != null) {
            contact = em.find(Contact.class, draft.contactId());
            if (contact == null || !contact.getAccountId().equals(account.getId())) {
                throw new Invalid("contactId", "Contact " + draft.contactId() + " is not a contact of this account");
            }
        }
        String body = draft.body();
        if ((body == null || body.isBlank()) && draft.template() != null) {
            ApologyTemplate template = ApologyTemplate.builtIn(account.getLanguage()).get(draft.template());
            if (template == null) {
                throw new Invalid("template", "Unknown template " + draft.template() + "; known: "
                        + ApologyTemplate.builtIn(account.getLanguage()).keySet());
            }
            try {
                body = template.fill(draft.values() == null ? Map.of() : draft.values());
            } catch (IllegalArgumentException e) {
                throw new Invalid("values", e.getMessage());
            }
        }
        if (body == null || body.isBlank()) {
            throw new Invalid("body", "Write the letter, or name a template and fill its placeholders");
        }
        Apology apology = new Apology(caseId, contact == null ? null : contact.getId(), account.getLanguage(), body,
                caller.username(), clock.now());
        apology.coached(summary(check(account.getLanguage(), body)));
        em.persist(apology);
        cases.record(apologyCase, caller, "APOLOGY_DRAFTED", "Apology drafted", false);
        return apology;
    }

    public Apology revise(@NotNull Caller caller, long caseId, long apologyId, @NotNull @Size(max = 20000) String body) {
        Apology apology = get(caller, caseId, apologyId);
        try {
            apology.revise(body);
        } catch (IllegalArgumentException e) {
            throw new Invalid("body", e.getMessage());
        }
        apology.coached(summary(check(apology.getLanguage(), apology.getBody())));
        return apology;
    }

    /**
     * Sends the letter. Refused while the coach has blocking findings, unless {@code overrideReason} is given by a
     * manager; a sent letter moves a contacted case to APOLOGIZED.
     */
    public Apology send(@NotNull Caller caller, long caseId, long apologyId, @Size(max = 1000) String overrideReason) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        Apology apology = get(caller, caseId, apologyId);
        Coaching coaching = check(apology.getLanguage(), apology.getBody());
        apology.coached(summary(coaching));
        String reason = null;
        String overrider = null;
        if (coaching.hasBlocking()) {
            if (overrideReason == null || overrideReason.isBlank()) {
                throw new Refused("apology-blocked", "The coach found what would turn this into a non-apology: "
                        + coaching.blocking().stream().map(f -> f.explanation()).collect(Collectors.joining(" "))
                        + " Rephrase it, or ask a manager to override with a reason.");
            }
            if (!mayOverride(caller, apologyCase)) {
                throw new Forbidden("Only the owner's manager or an administrator may send a letter past the coach's blocking findings");
            }
            reason = overrideReason.strip();
            overrider = caller.username();
        }
        apology.send(caller.username(), clock.now(), reason, overrider);
        // The client sees that the letter went out; who overrode the coach and why stays internal.
        cases.record(apologyCase, caller, "APOLOGY_SENT", "We sent you our apology", true);
        if (overrider != null) {
            cases.record(apologyCase, caller, "COACH_OVERRIDDEN", "The coach's blocking findings were overridden by " + overrider
                    + ": " + reason, false);
        }
        sent.fire(new ApologySent(caseId, apology.getId()));
        if (apologyCase.apologized(cases.facts(caseId))) {
            cases.record(apologyCase, caller, "APOLOGIZED", "Apology sent; the case is now apologized", false);
        }
        return apology;
    }

    private boolean mayOverride(Caller caller, ApologyCase apologyCase) {
        if (caller.has(Role.ADMIN)) {
            return true;
        }
        AppUser me = users.findByUsername(caller.username()).orElse(null);
        AppUser owner = apologyCase.getOwnerId() == null ? null : users.find(apologyCase.getOwnerId()).orElse(null);
        return me != null && owner != null && Objects.equals(owner.getManagerId(), me.getId());
    }

    public List<Apology> ofCase(@NotNull Caller caller, long caseId) {
        cases.get(caller, caseId);
        return em.createNamedQuery(Apology.OF_CASE, Apology.class).setParameter("case", caseId).getResultStream()
                .filter(a -> !caller.isClient() || a.getStatus() == io.amends.cases.entity.ApologyStatus.SENT).toList();
    }

    private Apology get(Caller caller, long caseId, long apologyId) {
        cases.get(caller, caseId);
        Apology apology = em.find(Apology.class, apologyId);
        if (apology == null || !apology.getCaseId().equals(caseId)) {
            throw new NotFound("Apology", apologyId);
        }
        return apology;
    }

    /** A compact record of the findings, kept with the letter. */
    static String summary(Coaching coaching) {
        String text = coaching.findings().stream()
                .map(f -> f.severity() + " " + f.ruleId() + (f.matchedText().isEmpty() ? "" : " \"" + f.matchedText() + "\""))
                .collect(Collectors.joining("; "));
        return text.length() > 8000 ? text.substring(0, 7999) : text;
    }

    /** Counts by severity, for views. */
    public static Map<FindingSeverity, Long> counts(Coaching coaching) {
        return coaching.findings().stream().collect(Collectors.groupingBy(Finding::severity, Collectors.counting()));
    }
}
