package io.amends.cases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A category in the root-cause taxonomy that an administrator maintains; cases are tagged with one to learn from them. */
@Entity
@Table(name = "root_cause")
@NamedQuery(name = RootCause.BY_CODE, query = "SELECT r FROM RootCause r WHERE r.code = :code")
@NamedQuery(name = RootCause.ALL, query = "SELECT r FROM RootCause r ORDER BY r.label")
public class RootCause {

    public static final String BY_CODE = "RootCause.byCode";
    public static final String ALL = "RootCause.all";

    @Id
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
