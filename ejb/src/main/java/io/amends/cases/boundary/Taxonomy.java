package io.amends.cases.boundary;

import io.amends.audit.boundary.AuditEvent;
import io.amends.audit.boundary.AuditTrail;
import io.amends.cases.entity.RootCause;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.platform.entity.Refused;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/** The root-cause taxonomy an administrator maintains; every change is audited. */
@Stateless
public class Taxonomy {

    @PersistenceContext(unitName = "amends")
    EntityManager em;

    @EJB
    AuditTrail audit;

    public List<RootCause> all() {
        return em.createNamedQuery(RootCause.ALL, RootCause.class).getResultList();
    }

    public Optional<RootCause> find(String code) {
        return em.createNamedQuery(RootCause.BY_CODE, RootCause.class).setParameter("code", code).getResultStream().findFirst();
    }

    public RootCause add(@NotNull Caller caller, @NotNull String code, @NotNull String label) {
        // asked of the database, not of this node's memory, which may not know yet what another node added
        if (((Number) em.createNativeQuery("SELECT COUNT(*) FROM root_cause WHERE code = ?").setParameter(1, code).getSingleResult())
                .longValue() > 0) {
            throw new Refused("root-cause-exists", "There is already a root cause " + code);
        }
        RootCause cause;
        try {
            cause = new RootCause(code, label);
        } catch (IllegalArgumentException e) {
            throw new Invalid("code", e.getMessage());
        }
        em.persist(cause);
        audit.append(AuditEvent.of(caller, "ROOT_CAUSE_ADDED", null, null, code + ": " + label));
        return cause;
    }

    public RootCause change(@NotNull Caller caller, @NotNull String code, @NotNull String label, boolean active) {
        RootCause cause = find(code).orElseThrow(() -> new NotFound("Root cause", code));
        em.refresh(cause); // the row as it is now: another node may have changed it within the minute this node remembers it
        try {
            cause.relabel(label);
        } catch (IllegalArgumentException e) {
            throw new Invalid("label", e.getMessage());
        }
        cause.setActive(active);
        audit.append(AuditEvent.of(caller, "ROOT_CAUSE_CHANGED", null, null, code + ": " + label + (active ? "" : " (retired)")));
        return cause;
    }
}
