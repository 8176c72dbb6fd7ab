package io.amends.web.compensation;

import io.amends.cases.entity.Severity;
import io.amends.compensation.boundary.Proposals;
import io.amends.compensation.control.PolicySettings;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.PolicyConfiguration;
import io.amends.platform.entity.Invalid;
import io.amends.users.entity.Role;
import io.amends.web.security.Allow;
import io.amends.web.security.CurrentCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The compensation policy's settings. Amounts are minor units that apply in each account's currency; shares and
 * multipliers are basis points (10,000 = 100% or ×1.00).
 */
@Path("policy")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @EJB
    Proposals proposals;

    @Inject
    CurrentCaller caller;

    public record Settings(Long version, @NotNull Integer caseCapBasisPoints, @NotNull Integer rolling12mCapBasisPoints,
                           @NotNull Long floorMinor, @NotNull Long autoApprovalLimitMinor, @NotNull Long financeLimitMinor,
                           @NotNull Long absoluteCeilingMinor, @NotNull Map<Severity, Integer> severityMultiplierBasisPoints,
                           @NotNull Integer recurrenceBonusBasisPoints, @NotNull Integer recurrenceBonusCapBasisPoints,
                           String updatedBy, Instant updatedAt) {

        static Settings of(PolicyConfiguration row) {
            PolicySettings s = row.settingsIn("EUR");
            return new Settings(row.getVersion(), s.caseCapBasisPoints(), s.rolling12mCapBasisPoints(), s.floor().amountMinor(),
                    s.autoApprovalLimit().amountMinor(), s.financeLimit().amountMinor(), s.absoluteCeiling().amountMinor(),
                    s.severityMultiplierBasisPoints(), s.recurrenceBonusBasisPoints(), s.recurrenceBonusCapBasisPoints(),
                    row.getUpdatedBy(), row.getUpdatedAt());
        }

        PolicySettings toSettings() {
            try {
                return new PolicySettings(caseCapBasisPoints, rolling12mCapBasisPoints, Money.of("EUR", floorMinor),
                        Money.of("EUR", autoApprovalLimitMinor), Money.of("EUR", financeLimitMinor), Money.of("EUR", absoluteCeilingMinor),
                        new EnumMap<>(severityMultiplierBasisPoints), recurrenceBonusBasisPoints, recurrenceBonusCapBasisPoints);
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw new Invalid(null, e.getMessage());
            }
        }
    }

    @GET
    @Allow({Role.ACCOUNT_MANAGER, Role.FINANCE, Role.ADMIN})
    public Settings get() {
        return Settings.of(proposals.settings());
    }

    @PUT
    @Allow(Role.ADMIN)
    public Settings change(@NotNull @Valid Settings body) {
        return Settings.of(proposals.changeSettings(caller.get(), body.version() == null ? -1 : body.version(), body.toSettings()));
    }
}
