package io.amends.web.compensation;

import io.amends.cases.entity.Severity;
import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.control.PolicySettings;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.PolicyConfiguration;
import io.amends.users.entity.Caller;
import io.amends.web.platform.Pages;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The compensation policy's settings, as an administrator edits them: shares of LTV in percent, limits as amounts
 * (in each account's own currency), multipliers as factors. The settings check their own coherence; the change is
 * audited with before and after.
 */
@Named
@ViewScoped
public class PolicyBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Amounts apply in each account's currency; two decimals are how they are typed and shown. */
    private static final String INPUT_CURRENCY = "EUR";

    @Inject
    Proposals proposals;

    @Inject
    Caller caller;

    private long version;
    private String updatedBy;
    private Instant updatedAt;

    @NotNull @DecimalMin("0") @DecimalMax("100")
    private BigDecimal caseCapPercent;
    @NotNull @DecimalMin("0") @DecimalMax("100")
    private BigDecimal rollingCapPercent;
    @NotNull @DecimalMin("0")
    private BigDecimal floor;
    @NotNull @DecimalMin("0")
    private BigDecimal autoApprovalLimit;
    @NotNull @DecimalMin("0")
    private BigDecimal financeLimit;
    @NotNull @DecimalMin("0")
    private BigDecimal absoluteCeiling;
    private final Map<Severity, BigDecimal> severity = new EnumMap<>(Severity.class);
    @NotNull @DecimalMin("0") @DecimalMax("100")
    private BigDecimal recurrenceStepPercent;
    @NotNull @DecimalMin("0") @DecimalMax("900")
    private BigDecimal recurrenceMaxPercent;

    @PostConstruct
    void init() {
        PolicyConfiguration row = proposals.settings();
        PolicySettings s = row.settingsIn(INPUT_CURRENCY);
        version = row.getVersion();
        updatedBy = row.getUpdatedBy();
        updatedAt = row.getUpdatedAt();
        caseCapPercent = BigDecimal.valueOf(s.caseCapBasisPoints(), 2);
        rollingCapPercent = BigDecimal.valueOf(s.rolling12mCapBasisPoints(), 2);
        floor = s.floor().toBigDecimal();
        autoApprovalLimit = s.autoApprovalLimit().toBigDecimal();
        financeLimit = s.financeLimit().toBigDecimal();
        absoluteCeiling = s.absoluteCeiling().toBigDecimal();
        for (Severity level : Severity.values()) {
            severity.put(level, BigDecimal.valueOf(s.severityMultiplier(level), 4));
        }
        recurrenceStepPercent = BigDecimal.valueOf(s.recurrenceBonusBasisPoints(), 2);
        recurrenceMaxPercent = BigDecimal.valueOf(s.recurrenceBonusCapBasisPoints(), 2);
    }

    public void save() {
        PolicySettings settings;
        try {
            Map<Severity, Integer> multipliers = new EnumMap<>(Severity.class);
            severity.forEach((level, factor) -> multipliers.put(level, basisPoints(factor, 4)));
            settings = new PolicySettings(basisPoints(caseCapPercent, 2), basisPoints(rollingCapPercent, 2), money(floor),
                    money(autoApprovalLimit), money(financeLimit), money(absoluteCeiling), multipliers,
                    basisPoints(recurrenceStepPercent, 2), basisPoints(recurrenceMaxPercent, 2));
        } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
            Pages.error("policy.invalid", e.getMessage() == null ? "" : e.getMessage());
            return;
        }
        try {
            PolicyConfiguration row = proposals.changeSettings(caller, version, settings);
            version = row.getVersion();
            updatedBy = row.getUpdatedBy();
            updatedAt = row.getUpdatedAt();
            Pages.info("policy.saved");
        } catch (RuntimeException e) {
            Pages.refused(e, "policy");
        }
    }

    /** 2.5 (percent, scale 2) is 250 bp; 1.5 (a factor, scale 4) is 15,000 bp. */
    private static int basisPoints(BigDecimal value, int scale) {
        return value.movePointRight(scale).intValueExact();
    }

    private static Money money(BigDecimal major) {
        return Money.parse(INPUT_CURRENCY, major.stripTrailingZeros().toPlainString());
    }

    public Severity[] getSeverities() {
        return Severity.values();
    }

    public Map<Severity, BigDecimal> getSeverity() {
        return severity;
    }

    public long getVersion() {
        return version;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public BigDecimal getCaseCapPercent() {
        return caseCapPercent;
    }

    public void setCaseCapPercent(BigDecimal caseCapPercent) {
        this.caseCapPercent = caseCapPercent;
    }

    public BigDecimal getRollingCapPercent() {
        return rollingCapPercent;
    }

    public void setRollingCapPercent(BigDecimal rollingCapPercent) {
        this.rollingCapPercent = rollingCapPercent;
    }

    public BigDecimal getFloor() {
        return floor;
    }

    public void setFloor(BigDecimal floor) {
        this.floor = floor;
    }

    public BigDecimal getAutoApprovalLimit() {
        return autoApprovalLimit;
    }

    public void setAutoApprovalLimit(BigDecimal autoApprovalLimit) {
        this.autoApprovalLimit = autoApprovalLimit;
    }

    public BigDecimal getFinanceLimit() {
        return financeLimit;
    }

    public void setFinanceLimit(BigDecimal financeLimit) {
        this.financeLimit = financeLimit;
    }

    public BigDecimal getAbsoluteCeiling() {
        return absoluteCeiling;
    }

    public void setAbsoluteCeiling(BigDecimal absoluteCeiling) {
        this.absoluteCeiling = absoluteCeiling;
    }

    public BigDecimal getRecurrenceStepPercent() {
        return recurrenceStepPercent;
    }

    public void setRecurrenceStepPercent(BigDecimal recurrenceStepPercent) {
        this.recurrenceStepPercent = recurrenceStepPercent;
    }

    public BigDecimal getRecurrenceMaxPercent() {
        return recurrenceMaxPercent;
    }

    public void setRecurrenceMaxPercent(BigDecimal recurrenceMaxPercent) {
        this.recurrenceMaxPercent = recurrenceMaxPercent;
    }
}
