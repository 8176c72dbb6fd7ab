package io.amends.compensation.entity;

import io.amends.cases.entity.Severity;
import io.amends.compensation.control.PolicySettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The compensation policy's settings as the administrator keeps them: one row.
 *
 * <p>Amounts are minor units that apply in each account's own currency (a floor of 2500 is EUR 25.00 for a euro
 * account and GBP 25.00 for a pound account); Amends does not convert currencies.
 */
@Entity
@Table(name = "policy_settings")
public class PolicyConfiguration {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(name = "case_cap_bp", nullable = false)
    private long caseCapBp;

    @Column(name = "rolling_cap_bp", nullable = false)
    private long rollingCapBp;

    @Column(name = "floor_minor", nullable = false)
    private long floorMinor;

    @Column(name = "auto_approval_limit_minor", nullable = false)
    private long autoApprovalLimitMinor;

    @Column(name = "finance_limit_minor", nullable = false)
    private long financeLimitMinor;

    @Column(name = "absolute_ceiling_minor", nullable = false)
    private long absoluteCeilingMinor;

    @Column(name = "severity_low_bp", nullable = false)
    private long severityLowBp;

    @Column(name = "severity_medium_bp", nullable = false)
    private long severityMediumBp;

    @Column(name = "severity_high_bp", nullable = false)
    private long severityHighBp;

    @Column(name = "severity_critical_bp", nullable = false)
    private long severityCriticalBp;

    @Column(name = "recurrence_step_bp", nullable = false)
    private long recurrenceStepBp;

    @Column(name = "recurrence_max_bp", nullable = false)
    private long recurrenceMaxBp;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected PolicyConfiguration() {
        // for JPA
    }

    public static PolicyConfiguration from(PolicySettings settings, String by, Instant at) {
        PolicyConfiguration row = new PolicyConfiguration();
        row.id = ID;
        row.apply(settings, by, at);
        return row;
    }

    /** Takes over settings that were already validated by {@link PolicySettings}' constructor. */
    public void apply(PolicySettings s, String by, Instant at) {
        caseCapBp = s.caseCapBasisPoints();
        rollingCapBp = s.rolling12mCapBasisPoints();
        floorMinor = s.floor().amountMinor();
        autoApprovalLimitMinor = s.autoApprovalLimit().amountMinor();
        financeLimitMinor = s.financeLimit().amountMinor();
        absoluteCeilingMinor = s.absoluteCeiling().amountMinor();
        severityLowBp = s.severityMultiplier(Severity.LOW);
        severityMediumBp = s.severityMultiplier(Severity.MEDIUM);
        severityHighBp = s.severityMultiplier(Severity.HIGH);
        severityCriticalBp = s.severityMultiplier(Severity.CRITICAL);
        recurrenceStepBp = s.recurrenceBonusBasisPoints();
        recurrenceMaxBp = s.recurrenceBonusCapBasisPoints();
        updatedBy = by;
        updatedAt = at;
    }

    /** The settings with every amount in the given currency. */
    public PolicySettings settingsIn(String currency) {
        Map<Severity, Integer> severity = new EnumMap<>(Severity.class);
        severity.put(Severity.LOW, (int) severityLowBp);
        severity.put(Severity.MEDIUM, (int) severityMediumBp);
        severity.put(Severity.HIGH, (int) severityHighBp);
        severity.put(Severity.CRITICAL, (int) severityCriticalBp);
        return new PolicySettings((int) caseCapBp, (int) rollingCapBp, Money.of(currency, floorMinor),
                Money.of(currency, autoApprovalLimitMinor), Money.of(currency, financeLimitMinor),
                Money.of(currency, absoluteCeilingMinor), severity, (int) recurrenceStepBp, (int) recurrenceMaxBp);
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
