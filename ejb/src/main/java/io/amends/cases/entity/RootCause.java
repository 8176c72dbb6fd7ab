package io.amends.cases.entity;

import io.amends.platform.entity.ReferenceData;
import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.Cache;

/** A category in the root-cause taxonomy that an administrator maintains; cases are tagged with one to learn from them. */
@Entity
@Table(name = "root_cause")
@Cacheable
@Cache(expiry = ReferenceData.EXPIRY_MILLIS)
@NamedQuery(name = RootCause.BY_CODE, query = "SELECT r FROM RootCause r WHERE r.code = :code", hints = {@QueryHint(name = ReferenceData.RESULTS_CACHE, value = "TRUE"),
        @QueryHint(name = ReferenceData.RESULTS_CACHE_EXPIRY, value = ReferenceData.EXPIRY)})
@NamedQuery(name = RootCause.ALL, query = "SELECT r FROM RootCause r ORDER BY r.label", hints = {@QueryHint(name = ReferenceData.RESULTS_CACHE, value = "TRUE"),
        @QueryHint(name = ReferenceData.RESULTS_CACHE_EXPIRY, value = ReferenceData.EXPIRY)})
public class RootCause {

    public static final String BY_CODE = "RootCause.byCode";
    public static final String ALL = "RootCause.all";

    @Id
    @jakarta.persistence.SequenceGenerator(name = "root_cause_seq", sequenceName = "root_cause_seq", allocationSize = 50)
    @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.SEQUENCE, generator = "root_cause_seq")
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(nullable = false)
    private String label;

    private boolean active;

    @Version
    private long version;

    protected RootCause() {
        // for JPA
    }

    public RootCause(String code, String label) {
        if (code == null || !code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new IllegalArgumentException("A root-cause code is 2 to 40 upper-case letters, digits or underscores, like LATE_DELIVERY");
        }
        this.code = code;
        relabel(label);
        this.active = true;
    }

    public void relabel(String newLabel) {
        if (newLabel == null || newLabel.isBlank() || newLabel.length() > 120) {
            throw new IllegalArgumentException("A root cause needs a label of at most 120 characters");
        }
        this.label = newLabel.strip();
    }

    /** Retired causes stay on old cases but are not offered for new ones. */
    public void setActive(boolean active) {
        this.active = active;
    }

    public long getVersion() {
        return version;
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public boolean isActive() {
        return active;
    }
}
