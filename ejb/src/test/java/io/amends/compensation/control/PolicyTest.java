package io.amends.compensation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Concrete examples under the default settings: 2% of LTV per case, 5% per 12 months, floor EUR 25.00, account
 * manager alone up to EUR 50.00, one finance approver up to EUR 500.00, ceiling EUR 5,000.00, severity ×1/×1/×1.5/×2,
 * +25% per earlier recurrence up to +50%.
 */
class PolicyTest {

    private static final PolicySettings DEFAULTS = PolicySettings.defaults();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // case                                                   | LTV        | on case | 12 months | severity | recurrences | proposed | verdict
            "small proposal on high-LTV account is auto-approved       | 100000.00  | 0       | 0         | MEDIUM   | 0 | 40.00   | AUTO_APPROVED",
            "exactly the auto-approval limit is auto-approved          | 100000.00  | 0       | 0         | LOW      | 0 | 50.00   | AUTO_APPROVED",
            "a cent above the auto-approval limit needs finance        | 100000.00  | 0       | 0         | LOW      | 0 | 50.01   | NEEDS_FINANCE",
            "exactly the finance limit needs one finance approver      | 100000.00  | 0       | 0         | LOW      | 0 | 500.00  | NEEDS_FINANCE",
            "a cent above the finance limit needs two approvers        | 100000.00  | 0       | 0         | LOW      | 0 | 500.01  | NEEDS_TWO_FINANCE",
            "exactly the absolute ceiling on a huge account            | 10000000.00| 0       | 0         | LOW      | 0 | 5000.00 | NEEDS_TWO_FINANCE",
            "a cent above the absolute ceiling is refused whatever LTV | 10000000.00| 0       | 0         | CRITICAL | 9 | 5000.01 | REFUSED",
            "proposal breaking the 12-month cap is refused             | 30000.00   | 0       | 1500.00   | MEDIUM   | 0 | 120.00  | REFUSED",
            "exactly the per-case cap is allowed                       | 10000.00   | 0       | 0         | MEDIUM   | 0 | 200.00  | NEEDS_FINANCE",
            "a cent above the per-case cap is refused                  | 10000.00   | 0       | 0         | MEDIUM   | 0 | 200.01  | REFUSED",
            "earlier spend on the case counts towards the per-case cap | 10000.00   | 180.00  | 180.00    | MEDIUM   | 0 | 30.00   | REFUSED",
            "MEDIUM severity keeps the per-case cap at 2%              | 10000.00   | 0       | 0         | MEDIUM   | 0 | 250.00  | REFUSED",
            "HIGH severity raises the per-case cap by half             | 10000.00   | 0       | 0         | HIGH     | 0 | 300.00  | NEEDS_FINANCE",
            "CRITICAL severity doubles the per-case cap                | 10000.00   | 0       | 0         | CRITICAL | 0 | 400.00  | NEEDS_FINANCE",
            "two earlier recurrences raise the per-case cap by half    | 10000.00   | 0       | 0         | MEDIUM   | 2 | 300.00  | NEEDS_FINANCE",
            "the recurrence bonus stops at its cap                     | 10000.00   | 0       | 0         | MEDIUM   | 5 | 300.01  | REFUSED",
            "new customer with zero LTV can still get a card           | 0          | 0       | 0         | LOW      | 0 | 25.00   | AUTO_APPROVED",
            "with zero LTV nothing above the floor, however severe     | 0          | 0       | 0         | CRITICAL | 3 | 25.01   | REFUSED",
            "the floor lifts the caps of a low-LTV customer            | 500.00     | 0       | 0         | LOW      | 0 | 20.00   | AUTO_APPROVED",
            "the floor is for 12 months, not per case                  | 0          | 0       | 10.00     | LOW      | 0 | 20.00   | REFUSED",
    })
    void decidesTheTableOfExamples(String example, String ltv, String onCase, String inYear, Severity severity,
                                   int recurrences, String proposed, Verdict expected) {
        PolicyRequest request = request(proposed, ltv, onCase, inYear, severity, recurrences);

        PolicyDecision decision = Policy.decide(DEFAULTS, request);

        assertThat(decision.verdict()).as(example + "\n" + decision.explanation()).isEqualTo(expected);
    }

    @Test
    void proposalBreakingThe12MonthCapIsRefusedAndTheExplanationNamesTheCapAndTheNumbers() {
        PolicyDecision decision = Policy.decide(DEFAULTS,
                request("120.00", "30000.00", "0", "1500.00", Severity.MEDIUM, 0));

        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSED);
        assertThat(decision.explanation())
                .startsWith("Refused: EUR 120.00 breaks the 12-month cap of EUR 1,500.00.")
                .contains("The 12-month cap is 5.00% of LTV = EUR 1,500.00; spend in the last 12 months including"
                        + " pending proposals would be EUR 1,620.00 (5.40%). That is above the cap, so the proposal"
                        + " is refused.");
        RuleCheck rolling = decision.check(Rule.ROLLING_12M_CAP);
        assertThat(rolling.passed()).isFalse();
        assertThat(rolling.limit()).isEqualTo(eur("1500.00"));
        assertThat(rolling.spend()).isEqualTo(eur("1500.00"));
        assertThat(rolling.projected()).isEqualTo(eur("1620.00"));
        assertThat(rolling.ratioPercent()).isEqualByComparingTo("5.40");
        assertThat(rolling.ratioBasisPoints()).hasValue(540);
        assertThat(decision.reasons()).containsExactly(rolling);
    }

    @Test
    void aRefusalForSeveralReasonsNamesEveryBrokenLimit() {
        PolicyDecision decision = Policy.decide(DEFAULTS, request("6000.00", "100.00", "0", "0", Severity.HIGH, 1));

        assertThat(decision.explanation()).startsWith("Refused: EUR 6,000.00 breaks the absolute ceiling of"
                + " EUR 5,000.00, the per-case cap of EUR 25.00 and the 12-month cap of EUR 25.00.");
        assertThat(decision.reasons()).extracting(RuleCheck::rule)
                .containsExactly(Rule.ABSOLUTE_CEILING, Rule.CASE_CAP, Rule.ROLLING_12M_CAP);
    }

    @Test
    void aRefusalStillShowsWhichApprovalsTheProposalWouldHaveNeeded() {
        PolicyDecision decision = Policy.decide(DEFAULTS,
                request("120.00", "30000.00", "0", "1500.00", Severity.MEDIUM, 0));

        assertThat(decision.check(Rule.AUTO_APPROVAL_LIMIT).imposes()).isEqualTo(Verdict.NEEDS_FINANCE);
        assertThat(decision.check(Rule.FINANCE_LIMIT).passed()).isTrue();
        assertThat(decision.check(Rule.CASE_CAP).passed()).isTrue();
    }

    @Test
    void newCustomerWithZeroLtvCanStillGetACardUnderTheFloor() {
        PolicyDecision decision = Policy.decide(DEFAULTS, request("20.00", "0", "0", "0", Severity.LOW, 0));

        assertThat(decision.verdict()).isEqualTo(Verdict.AUTO_APPROVED);
        assertThat(decision.check(Rule.FLOOR).passed()).isTrue();
        assertThat(decision.check(Rule.CASE_CAP).limit()).isEqualTo(eur("25.00"));
        assertThat(decision.check(Rule.ROLLING_12M_CAP).limit()).isEqualTo(eur("25.00"));
        assertThat(decision.checks()).allSatisfy(c -> assertThat(c.ratio()).isEmpty());
        assertThat(decision.explanation())
                .contains("The floor is EUR 25.00; spend on this case would be EUR 20.00 and in the last 12 months"
                        + " EUR 20.00. That is within the floor, so the caps allow it whatever the LTV."
                        + " The floor raises both the per-case cap and the 12-month cap.")
                .contains("The per-case cap is 2.00% of LTV = EUR 0.00, raised to the floor of EUR 25.00; spend on"
                        + " this case including pending proposals would be EUR 20.00 (no LTV in force).");
    }

    @Test
    void theExplanationShowsHowSeverityAndRecurrencesRaiseTheCap() {
        PolicyDecision decision = Policy.decide(DEFAULTS, request("100.00", "10000.00", "0", "0", Severity.HIGH, 1));

        assertThat(decision.explanation()).contains("The per-case cap is 3.75% of LTV (2.00% × 1.50 for HIGH severity"
                + " × 1.25 for 1 earlier recurrence) = EUR 375.00; spend on this case including pending proposals"
                + " would be EUR 100.00 (1.00%). That is within the cap.");
        assertThat(decision.check(Rule.ROLLING_12M_CAP).limit()).isEqualTo(eur("937.50"));
    }

    @Test
    void everyDecisionListsEveryRuleInEvaluationOrder() {
        PolicyDecision decision = Policy.decide(DEFAULTS, request("40.00", "100000.00", "0", "0", Severity.LOW, 0));

        assertThat(decision.checks()).extracting(RuleCheck::name).containsExactly(
                "ABSOLUTE_CEILING", "FLOOR", "CASE_CAP", "ROLLING_12M_CAP", "AUTO_APPROVAL_LIMIT", "FINANCE_LIMIT");
        assertThat(decision.explanation().lines()).hasSize(1 + Rule.values().length);
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void theAuditStringIsAStableKeyValueForm() {
        PolicyDecision decision = Policy.decide(DEFAULTS,
                request("40.00", "100000.00", "10.00", "60.00", Severity.LOW, 0));

        assertThat(decision.toAuditString()).isEqualTo("format=1;verdict=AUTO_APPROVED;currency=EUR;amount=4000;"
                + "ltv=10000000;"
                + "ABSOLUTE_CEILING.passed=true;ABSOLUTE_CEILING.amount=4000;ABSOLUTE_CEILING.spend=0;"
                + "ABSOLUTE_CEILING.limit=500000;ABSOLUTE_CEILING.ratio=0.04;"
                + "FLOOR.passed=false;FLOOR.amount=4000;FLOOR.spend=6000;FLOOR.limit=2500;FLOOR.ratio=0.10;"
                + "CASE_CAP.passed=true;CASE_CAP.amount=4000;CASE_CAP.spend=1000;CASE_CAP.limit=200000;"
                + "CASE_CAP.ratio=0.05;"
                + "ROLLING_12M_CAP.passed=true;ROLLING_12M_CAP.amount=4000;ROLLING_12M_CAP.spend=6000;"
                + "ROLLING_12M_CAP.limit=500000;ROLLING_12M_CAP.ratio=0.10;"
                + "AUTO_APPROVAL_LIMIT.passed=true;AUTO_APPROVAL_LIMIT.amount=4000;AUTO_APPROVAL_LIMIT.spend=0;"
                + "AUTO_APPROVAL_LIMIT.limit=5000;AUTO_APPROVAL_LIMIT.ratio=0.04;"
                + "FINANCE_LIMIT.passed=true;FINANCE_LIMIT.amount=4000;FINANCE_LIMIT.spend=0;"
                + "FINANCE_LIMIT.limit=50000;FINANCE_LIMIT.ratio=0.04");
    }

    @Test
    void theAuditStringSaysNoneForTheRatioWhenThereIsNoLtv() {
        PolicyDecision decision = Policy.decide(DEFAULTS, request("20.00", "0", "0", "0", Severity.LOW, 0));

        assertThat(decision.toAuditString()).contains(";ltv=0;").contains("CASE_CAP.ratio=none");
    }

    @Test
    void aProposalInAnotherCurrencyThanTheSettingsIsRefused() {
        PolicyRequest dollars = new PolicyRequest(usd("10.00"), usd("1000.00"), usd("0"), usd("0"), Severity.LOW, 0);

        assertThatThrownBy(() -> Policy.decide(DEFAULTS, dollars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("settings are in EUR but the proposal is in USD");
    }

    @Test
    void aRequestMixingCurrenciesIsRefused() {
        assertThatThrownBy(() -> new PolicyRequest(eur("10.00"), usd("1000.00"), eur("0"), eur("0"), Severity.LOW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Currency mismatch");
    }

    @Test
    void aRequestNeedsSomethingToDecideAndCannotHaveNegativeRecurrences() {
        assertThatThrownBy(() -> request("0", "1000.00", "0", "0", Severity.LOW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nothing to decide");
        assertThatThrownBy(() -> request("1.00", "1000.00", "0", "0", Severity.LOW, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be negative");
    }

    @Test
    void aRequestWhoseSumsWouldOverflowIsRefusedClearly() {
        Money huge = Money.of("EUR", Long.MAX_VALUE);

        assertThatThrownBy(() -> new PolicyRequest(eur("1.00"), eur("0"), eur("0"), huge, Severity.LOW, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("too large");
    }

    @Test
    void aHugeLtvSaturatesTheCapsInsteadOfOverflowing() {
        Money huge = Money.of("EUR", Long.MAX_VALUE);
        PolicySettings generous = new PolicySettings(10_000, 10_000, eur("25.00"), eur("50.00"), eur("500.00"),
                eur("5000.00"), multipliers(100_000, 100_000, 100_000, 100_000), 10_000, 90_000);

        PolicyDecision decision = Policy.decide(generous,
                new PolicyRequest(eur("10.00"), huge, eur("0"), eur("0"), Severity.CRITICAL, 9));

        assertThat(decision.verdict()).isEqualTo(Verdict.AUTO_APPROVED);
        assertThat(decision.check(Rule.CASE_CAP).limit()).isEqualTo(huge);
    }

    static Stream<Arguments> incoherentSettings() {
        Map<Severity, Integer> usual = DEFAULTS.severityMultiplierBasisPoints();
        return Stream.of(
                arguments("a negative per-case share", settings(-1, 500, "25.00", "50.00", "500.00", "5000.00", usual),
                        "caseCapBasisPoints must be between 0 and 10000"),
                arguments("a 12-month share above 100%", settings(200, 10_001, "25.00", "50.00", "500.00", "5000.00",
                        usual), "rolling12mCapBasisPoints must be between 0 and 10000"),
                arguments("auto-approval above finance", settings(200, 500, "25.00", "600.00", "500.00", "5000.00",
                        usual), "auto-approval limit (EUR 600.00) must not be above the finance limit"),
                arguments("finance above the ceiling", settings(200, 500, "25.00", "50.00", "6000.00", "5000.00",
                        usual), "finance limit (EUR 6,000.00) must not be above the absolute ceiling"),
                arguments("floor above the ceiling", settings(200, 500, "6000.00", "50.00", "500.00", "5000.00",
                        usual), "floor (EUR 6,000.00) must not be above the absolute ceiling"),
                arguments("a severity without multiplier", settings(200, 500, "25.00", "50.00", "500.00", "5000.00",
                        Map.of(Severity.LOW, 10_000)), "A multiplier for severity MEDIUM is required"),
                arguments("a multiplier that lowers the cap", settings(200, 500, "25.00", "50.00", "500.00",
                        "5000.00", multipliers(9_000, 10_000, 15_000, 20_000)),
                        "multiplier for severity LOW must be between 10000 and 100000"),
                arguments("a worse severity with a lower multiplier", settings(200, 500, "25.00", "50.00", "500.00",
                        "5000.00", multipliers(10_000, 15_000, 12_000, 20_000)),
                        "HIGH (12000 bp) must not be lower than the one for MEDIUM (15000 bp)"),
                arguments("amounts in two currencies", (Supplier<PolicySettings>) () -> new PolicySettings(200, 500,
                        Money.parse("USD", "25.00"), eur("50.00"), eur("500.00"), eur("5000.00"), usual, 2_500,
                        5_000), "Currency mismatch"),
                arguments("a negative recurrence bonus", (Supplier<PolicySettings>) () -> new PolicySettings(200, 500,
                        eur("25.00"), eur("50.00"), eur("500.00"), eur("5000.00"), usual, -1, 5_000),
                        "bonus per earlier recurrence must be between 0 and 10000"),
                arguments("a recurrence bonus cap above +900%", (Supplier<PolicySettings>) () -> new PolicySettings(
                        200, 500, eur("25.00"), eur("50.00"), eur("500.00"), eur("5000.00"), usual, 2_500, 90_001),
                        "cap on the recurrence bonus must be between 0 and 90000"));
    }

    @ParameterizedTest(name = "{0} is refused")
    @MethodSource("incoherentSettings")
    void incoherentSettingsAreRefusedWithAReason(String what, Supplier<PolicySettings> settings, String reason) {
        assertThatThrownBy(settings::get).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }

    @Test
    void theDefaultsAreWhatTheirDocumentationSays() {
        assertThat(DEFAULTS.currency()).isEqualTo("EUR");
        assertThat(DEFAULTS.caseCapBasisPoints()).isEqualTo(200);
        assertThat(DEFAULTS.rolling12mCapBasisPoints()).isEqualTo(500);
        assertThat(DEFAULTS.floor()).isEqualTo(eur("25.00"));
        assertThat(DEFAULTS.autoApprovalLimit()).isEqualTo(eur("50.00"));
        assertThat(DEFAULTS.financeLimit()).isEqualTo(eur("500.00"));
        assertThat(DEFAULTS.absoluteCeiling()).isEqualTo(eur("5000.00"));
        assertThat(Stream.of(Severity.values()).map(DEFAULTS::severityMultiplier))
                .containsExactly(10_000, 10_000, 15_000, 20_000);
        assertThat(Stream.of(0, 1, 2, 3, Integer.MAX_VALUE).map(DEFAULTS::recurrenceMultiplier))
                .containsExactly(10_000, 12_500, 15_000, 15_000, 15_000);
    }

    @Test
    void settingsKeepTheirOwnCopyOfTheSeverityMultipliers() {
        Map<Severity, Integer> editable = multipliers(10_000, 10_000, 15_000, 20_000);
        PolicySettings settings = new PolicySettings(200, 500, eur("25.00"), eur("50.00"), eur("500.00"),
                eur("5000.00"), editable, 2_500, 5_000);

        editable.put(Severity.CRITICAL, 99_000);

        assertThat(settings.severityMultiplier(Severity.CRITICAL)).isEqualTo(20_000);
        assertThat(settings).isEqualTo(DEFAULTS);
        assertThatThrownBy(() -> settings.severityMultiplierBasisPoints().put(Severity.LOW, 1))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDecisionWhoseVerdictContradictsItsChecksCannotBeBuilt() {
        PolicyDecision refused = Policy.decide(DEFAULTS,
                request("120.00", "30000.00", "0", "1500.00", Severity.MEDIUM, 0));

        assertThatThrownBy(() -> new PolicyDecision(Verdict.NEEDS_FINANCE, refused.checks()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The checks lead to REFUSED, not NEEDS_FINANCE");
        assertThatThrownBy(() -> new PolicyDecision(Verdict.REFUSED, refused.checks().subList(0, 5)))
                .isInstanceOf(IllegalArgumentException.class);
        List<RuleCheck> reordered = new ArrayList<>(refused.checks());
        Collections.reverse(reordered);
        assertThatThrownBy(() -> new PolicyDecision(Verdict.REFUSED, reordered))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Check 1 must be ABSOLUTE_CEILING");
    }

    @Test
    void aCheckWhoseOutcomeContradictsItsNumbersCannotBeBuilt() {
        assertThatThrownBy(() -> new RuleCheck(Rule.CASE_CAP, true, eur("30.00"), eur("0"), eur("20.00"),
                eur("1000.00"), new BigDecimal("3.00"), "A sentence."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot have passed");
        assertThatThrownBy(() -> new RuleCheck(Rule.CASE_CAP, false, eur("30.00"), eur("0"), eur("20.00"),
                eur("1000.00"), new BigDecimal("4.00"), "A sentence."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is 3.00%, not 4.00%");
    }

    private static Supplier<PolicySettings> settings(int caseBp, int rollingBp, String floor, String auto,
                                                     String finance, String ceiling, Map<Severity, Integer> severity) {
        return () -> new PolicySettings(caseBp, rollingBp, eur(floor), eur(auto), eur(finance), eur(ceiling),
                severity, 2_500, 5_000);
    }

    private static Map<Severity, Integer> multipliers(int low, int medium, int high, int critical) {
        Map<Severity, Integer> multipliers = new EnumMap<>(Severity.class);
        multipliers.put(Severity.LOW, low);
        multipliers.put(Severity.MEDIUM, medium);
        multipliers.put(Severity.HIGH, high);
        multipliers.put(Severity.CRITICAL, critical);
        return multipliers;
    }

    private static PolicyRequest request(String proposed, String ltv, String onCase, String inYear,
                                         Severity severity, int recurrences) {
        return new PolicyRequest(eur(proposed), eur(ltv), eur(onCase), eur(inYear), severity, recurrences);
    }

    private static Money eur(String amount) {
        return Money.parse("EUR", amount);
    }

    private static Money usd(String amount) {
        return Money.parse("USD", amount);
    }
}
