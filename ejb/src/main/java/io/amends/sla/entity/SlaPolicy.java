package io.amends.sla.entity;

import io.amends.accounts.entity.Tier;
import io.amends.cases.entity.Severity;
import io.amends.platform.entity.ReferenceData;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import org.eclipse.persistence.annotations.Cache;

/** How soon a case of a severity for a customer of a tier must be first contacted and resolved; set by an administrator. */
@Entity
@Table(name = "sla_policy")
@Cacheable
@Cache(expiry = ReferenceData.EXPIRY_MILLIS)
@NamedQuery(name = SlaPolicy.ALL, query = "SELECT p FROM SlaPolicy p ORDER BY p.key.severity DESC, p.key.tier")
public class SlaPolicy {

    public static final String ALL = "SlaPolicy.all";

    /** Severity and tier together name one policy row. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Enumerated(EnumType.STRING)
        private Severity severity;

        @Enumerated(EnumType.STRING)
        private Tier tier;

        protected Key() {
            // for JPA
        }

        public Key(Severity severity, Tier tier) {
            this.severity = severity;
            this.tier = tier;
        }

        public Severity getSeverity() {
            return severity;
        }

        public Tier getTier() {
            return tier;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.severity == severity && k.tier == tier;
        }

        @Override
        public int hashCode() {
            return Objects.hash(severity, tier);
        }
    }

    @EmbeddedId
    private Key key;

    @Column(name = "first_contact_minutes", nullable = false)
    private int firstContactMinutes;

    @Column(name = "resolution_minutes", nullable = false)
    private int resolutionMinutes;

    @Version
    private long version;

    protected SlaPolicy() {
        // for JPA
    }

    public Key getKey() {
        return key;
    }

    public Duration firstContactWithin() {
        return Duration.ofMinutes(firstContactMinutes);
    }

    public Duration resolutionWithin() {
        return Duration.ofMinutes(resolutionMinutes);
    }

    public int getFirstContactMinutes() {
        return firstContactMinutes;
    }

    public int getResolutionMinutes() {
        return resolutionMinutes;
    }

    public void change(int newFirstContactMinutes, int newResolutionMinutes) {
        if (newFirstContactMinutes <= 0 || newResolutionMinutes < newFirstContactMinutes) {
            throw new IllegalArgumentException("First contact comes after intake and before resolution");
        }
        this.firstContactMinutes = newFirstContactMinutes;
        this.resolutionMinutes = newResolutionMinutes;
    }
}
