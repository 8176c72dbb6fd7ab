package io.amends.compensation.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The guarantees of the compensation policy, over random coherent settings and requests.
 *
 * <p>Amounts are drawn so that every order of magnitude is as likely as any other, and the settings' limits as
 * fractions of one another, so that caps, floor and limits are all hit often; the oracle property checks with
 * statistics that every verdict actually occurs, and the sequence property that the caps actually bind.
 */
class PolicyProperties {

    private static final String EUR = "EUR";

    @Property
    void raisingTheAmountNeverMakesTheVerdictMoreLenient(@ForAll("settings") PolicySettings settings,
                                                         @ForAll("requests") PolicyRequest request,
                                                         @ForAll("increments") long more) {
        Verdict before = Policy.decide(settings, request).verdict();
        Verdict after = Policy.decide(settings, withProposed(request, request.proposed().amountMinor() + more))
                .verdict();

        assertThat(after.isMoreLenientThan(before)).as("%s became %s", before, after).isFalse();
    }

    @Property
    void raisingTheLtvNeverMakesTheVerdictStricter(@ForAll("settings") PolicySettings settings,
                                                   @ForAll("requests") PolicyRequest request,
                                                   @ForAll("increments") long more) {
        PolicyRequest richer = new PolicyRequest(request.proposed(), eur(request.ltv().amountMinor() + more),
                request.spentOnCase(), request.spentLast12Months(), request.severity(), request.earlierRecurrences());

        Verdict before = Policy.decide(settings, request).verdict();
        Verdict after = Policy.decide(settings, richer).verdict();

        assertThat(after.isStricterThan(before)).as("%s became %s", before, after).isFalse();
    }

    @Property
    void aHigherSeverityNeverMakesTheVerdictStricter(@ForAll("settings") PolicySettings settings,
                                                     @ForAll("requests") PolicyRequest request,
                                                     @ForAll Severity one, @ForAll Severity other) {
        Severity milder = one.compareTo(other) <= 0 ? one : other;
        Severity worse = one.compareTo(other) <= 0 ? other : one;

        Verdict forMilder = Policy.decide(settings, withSeverity(request, milder)).verdict();
        Verdict forWorse = Policy.decide(settings, withSeverity(request, worse)).verdict();

        assertThat(forWorse.isStricterThan(forMilder)).as("%s for %s, %s for %s", forMilder, milder, forWorse, worse)
                .isFalse();
    }

    @Property
    void moreEarlierRecurrencesNeverMakeTheVerdictStricter(@ForAll("settings") PolicySettings settings,
                                                           @ForAll("requests") PolicyRequest request,
                                                           @ForAll @IntRange(max = 20) int more) {
        PolicyRequest recurring = new PolicyRequest(request.proposed(), request.ltv(), request.spentOnCase(),
                request.spentLast12Months(), request.severity(), request.earlierRecurrences() + more);

        Verdict before = Policy.decide(settings, request).verdict();
        Verdict after = Policy.decide(settings, recurring).verdict();

        assertThat(after.isStricterThan(before)).as("%s became %s", before, after).isFalse();
    }

    @Property
    void morePriorSpendNeverMakesTheVerdictMoreLenient(@ForAll("settings") PolicySettings settings,
                                                       @ForAll("requests") PolicyRequest request,
                                                       @ForAll("increments") long moreOnCase,
                                                       @ForAll("increments") long moreInYear) {
        PolicyRequest spent = new PolicyRequest(request.proposed(), request.ltv(),
                eur(request.spentOnCase().amountMinor() + moreOnCase),
                eur(request.spentLast12Months().amountMinor() + moreInYear),
                request.severity(), request.earlierRecurrences());

        Verdict before = Policy.decide(settings, request).verdict();
        Verdict after = Policy.decide(settings, spent).verdict();

        assertThat(after.isMoreLenientThan(before)).as("%s became %s", before, after).isFalse();
    }

    /**
     * Replays proposals in two different orders, each accepted one adding to the spend as a pending proposal does,
     * either all on one case or each on a case of its own; in every order the spend stays within the effective caps.
     */
    @Property
    void proposalsGrantedInAnyOrderNeverTakeTheSpendAboveTheEffectiveCaps(
            @ForAll("settings") PolicySettings settings,
            @ForAll("ltvs") long ltv,
            @ForAll Severity severity,
            @ForAll @IntRange(max = 6) int recurrences,
            @ForAll boolean allOnOneCase,
            @ForAll("proposalsInTwoOrders") Tuple2<List<Long>, List<Long>> proposals) {
        PolicyRequest shape = new PolicyRequest(eur(1), eur(ltv), eur(0), eur(0), severity, recurrences);
        long rollingCap = effectiveCap(settings, settings.rolling12mCapBasisPoints(), shape);
        long caseCap = effectiveCap(settings, settings.caseCapBasisPoints(), shape);
        long bound = allOnOneCase ? Math.min(rollingCap, caseCap) : rollingCap;

        for (List<Long> order : List.of(proposals.get1(), proposals.get2())) {
            long spent = 0;
            int refused = 0;
            for (long amount : order) {
                PolicyRequest request = new PolicyRequest(eur(amount), eur(ltv), eur(allOnOneCase ? spent : 0),
                        eur(spent), severity, recurrences);
                PolicyDecision decision = Policy.decide(settings, request);
                if (decision.verdict().isApprovable()) {
                    spent = Math.addExact(spent, amount);
                } else {
                    refused++;
                }
                assertThat(spent).as("spend after %s in order %s", amount, order).isLessThanOrEqualTo(bound);
            }
            Statistics.label("some proposals refused").collect(refused > 0);
        }
        Statistics.label("some proposals refused").coverage(c -> c.check(true).percentage(p -> p > 20));
    }

    @Property
    void theAbsoluteCeilingIsNeverExceeded(@ForAll("settings") PolicySettings settings,
                                           @ForAll("requests") PolicyRequest request) {
        PolicyDecision decision = Policy.decide(settings, request);

        if (request.proposed().isGreaterThan(settings.absoluteCeiling())) {
            assertThat(decision.verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(decision.reasons()).extracting(RuleCheck::rule).contains(Rule.ABSOLUTE_CEILING);
        }
    }

    @Property
    void theVerdictAgreesWithAnIndependentReadingOfThePolicy(@ForAll("settings") PolicySettings settings,
                                                             @ForAll("requests") PolicyRequest request) {
        long caseCap = effectiveCap(settings, settings.caseCapBasisPoints(), request);
        long rollingCap = effectiveCap(settings, settings.rolling12mCapBasisPoints(), request);
        long amount = request.proposed().amountMinor();
        Verdict expected;
        if (amount > settings.absoluteCeiling().amountMinor()
                || amount + request.spentOnCase().amountMinor() > caseCap
                || amount + request.spentLast12Months().amountMinor() > rollingCap) {
            expected = Verdict.REFUSED;
        } else if (amount <= settings.autoApprovalLimit().amountMinor()) {
            expected = Verdict.AUTO_APPROVED;
        } else if (amount <= settings.financeLimit().amountMinor()) {
            expected = Verdict.NEEDS_FINANCE;
        } else {
            expected = Verdict.NEEDS_TWO_FINANCE;
        }

        PolicyDecision decision = Policy.decide(settings, request);

        assertThat(decision.verdict()).as(decision.explanation()).isEqualTo(expected);
        assertThat(decision.check(Rule.CASE_CAP).limit().amountMinor()).isEqualTo(caseCap);
        assertThat(decision.check(Rule.ROLLING_12M_CAP).limit().amountMinor()).isEqualTo(rollingCap);
        Statistics.label("verdict").collect(expected);

        Statistics.label("verdict").coverage(c -> {
            for (Verdict verdict : Verdict.values()) {
                c.check(verdict).percentage(p -> p > 3);
            }
        });
    }

    @Property
    void everyDecisionListsEveryRuleWithItsNumbers(@ForAll("settings") PolicySettings settings,
                                                   @ForAll("requests") PolicyRequest request) {
        PolicyDecision decision = Policy.decide(settings, request);

        assertThat(decision.checks()).extracting(RuleCheck::rule).containsExactly(Rule.values());
        String explanation = decision.explanation();
        String audit = decision.toAuditString();
        for (RuleCheck check : decision.checks()) {
            assertThat(check.amount()).isEqualTo(request.proposed());
            assertThat(check.ltv()).isEqualTo(request.ltv());
            assertThat(check.ratio().isPresent()).isEqualTo(!request.ltv().isZero());
            assertThat(check.sentence()).contains(check.limit().format()).contains(check.projected().format());
            assertThat(explanation).contains(check.sentence());
            assertThat(audit).contains(check.toAuditString());
        }
        assertThat(decision.check(Rule.CASE_CAP).spend()).isEqualTo(request.spentOnCase());
        assertThat(decision.check(Rule.ROLLING_12M_CAP).spend()).isEqualTo(request.spentLast12Months());
        assertThat(decision.check(Rule.ABSOLUTE_CEILING).limit()).isEqualTo(settings.absoluteCeiling());
        assertThat(decision.check(Rule.AUTO_APPROVAL_LIMIT).limit()).isEqualTo(settings.autoApprovalLimit());
        assertThat(decision.check(Rule.FINANCE_LIMIT).limit()).isEqualTo(settings.financeLimit());
        assertThat(decision.check(Rule.FLOOR).limit()).isEqualTo(settings.floor());
        assertThat(audit).startsWith("format=1;verdict=" + decision.verdict() + ";currency=EUR;amount="
                + request.proposed().amountMinor() + ";ltv=" + request.ltv().amountMinor() + ";");
    }

    @Property
    void refusalsNameTheBrokenRuleAndItsNumbers(@ForAll("settings") PolicySettings settings,
                                                @ForAll("requests") PolicyRequest request) {
        PolicyDecision decision = Policy.decide(settings, request);

        if (decision.verdict().isRefused()) {
            String headline = decision.explanation().lines().findFirst().orElseThrow();
            assertThat(decision.reasons()).isNotEmpty().allSatisfy(reason -> {
                assertThat(reason.passed()).isFalse();
                assertThat(headline).contains(reason.rule().label()).contains(reason.limit().format());
                assertThat(reason.sentence()).contains(reason.limit().format())
                        .contains(reason.projected().format())
                        .contains("refused");
            });
        }
    }

    @Property
    void withZeroLtvOnlyTheFloorAllowsAnything(@ForAll("settings") PolicySettings settings,
                                               @ForAll("requests") PolicyRequest someRequest) {
        PolicyRequest request = new PolicyRequest(someRequest.proposed(), eur(0), someRequest.spentOnCase(),
                someRequest.spentLast12Months(), someRequest.severity(), someRequest.earlierRecurrences());

        PolicyDecision decision = Policy.decide(settings, request);

        if (decision.verdict().isApprovable()) {
            Money floor = settings.floor();
            assertThat(request.proposed().plus(request.spentOnCase())).isLessThanOrEqualTo(floor);
            assertThat(request.proposed().plus(request.spentLast12Months())).isLessThanOrEqualTo(floor);
            assertThat(decision.check(Rule.FLOOR).passed()).isTrue();
        }
    }

    @Property
    void theSameInputAlwaysGivesAnEqualDecision(@ForAll("settings") PolicySettings settings,
                                                @ForAll("requests") PolicyRequest request) {
        PolicySettings sameSettings = new PolicySettings(settings.caseCapBasisPoints(),
                settings.rolling12mCapBasisPoints(), settings.floor(), settings.autoApprovalLimit(),
                settings.financeLimit(), settings.absoluteCeiling(),
                new EnumMap<>(settings.severityMultiplierBasisPoints()),
                settings.recurrenceBonusBasisPoints(), settings.recurrenceBonusCapBasisPoints());
        PolicyRequest sameRequest = new PolicyRequest(eur(request.proposed().amountMinor()),
                eur(request.ltv().amountMinor()), eur(request.spentOnCase().amountMinor()),
                eur(request.spentLast12Months().amountMinor()), request.severity(), request.earlierRecurrences());

        PolicyDecision first = Policy.decide(settings, request);
        PolicyDecision second = Policy.decide(sameSettings, sameRequest);

        assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
        assertThat(second.explanation()).isEqualTo(first.explanation());
        assertThat(second.toAuditString()).isEqualTo(first.toAuditString());
    }

    // ---- generators -------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<PolicySettings> settings() {
        Arbitrary<Integer> shares = Arbitraries.integers().between(0, 2_000)
                .withDistribution(RandomDistribution.uniform());
        Arbitrary<Long> ceiling = Arbitraries.longs().between(100_000, 1_000_000)
                .withDistribution(RandomDistribution.uniform());
        // Finance limit, auto-approval limit and floor as percentages, so that they are always coherent and the
        // bands between them are wide enough for every verdict to occur.
        Arbitrary<int[]> ladder = Arbitraries.integers().between(5, 30).withDistribution(RandomDistribution.uniform())
                .array(int[].class).ofSize(3);
        Arbitrary<Map<Severity, Integer>> severity = Arbitraries.integers().between(10_000, 30_000)
                .array(int[].class).ofSize(4)
                .map(PolicyProperties::severityMultipliers);
        Arbitrary<Integer> bonus = Arbitraries.integers().between(0, 5_000);
        Arbitrary<Integer> bonusCap = Arbitraries.integers().between(0, 20_000);
        return Combinators.combine(shares, shares, ceiling, ladder, severity, bonus, bonusCap)
                .as((caseShare, rollingShare, top, percent, multipliers, perRecurrence, cap) -> {
                    long finance = top * percent[0] / 100;
                    long auto = finance * percent[1] / 100;
                    long floor = top * percent[2] / 1_000;
                    return new PolicySettings(caseShare, rollingShare, eur(floor), eur(auto), eur(finance), eur(top),
                            multipliers, perRecurrence, cap);
                });
    }

    @Provide
    Arbitrary<PolicyRequest> requests() {
        Arbitrary<Long> spend = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(1, logUniform(0, 6)));
        return Combinators.combine(logUniform(3, 6), ltvs(), spend, spend, Arbitraries.of(Severity.class),
                        Arbitraries.integers().between(0, 6))
                .as((amount, ltv, onCase, inYear, severity, recurrences) -> new PolicyRequest(eur(amount), eur(ltv),
                        eur(onCase), eur(inYear), severity, recurrences));
    }

    @Provide
    Arbitrary<Long> ltvs() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(9, logUniform(2, 10)));
    }

    @Provide
    Arbitrary<Long> increments() {
        return Arbitraries.longs().between(0, 5_000_000).withDistribution(RandomDistribution.biased());
    }

    @Provide
    Arbitrary<Tuple2<List<Long>, List<Long>>> proposalsInTwoOrders() {
        return Arbitraries.longs().between(1, 300_000).withDistribution(RandomDistribution.biased())
                .list().ofMinSize(1).ofMaxSize(12)
                .flatMap(list -> Arbitraries.shuffle(list).map(shuffled -> Tuple.of(list, shuffled)));
    }

    /**
     * Amounts from 10^from to 10^to minor units, each order of magnitude equally likely, because the rules compare
     * amounts that differ by orders of magnitude (a card against the LTV of a large account).
     */
    private static Arbitrary<Long> logUniform(int from, int to) {
        return Arbitraries.integers().between(from, to - 1)
                .flatMap(digits -> Arbitraries.longs().between(pow10(digits), pow10(digits + 1))
                        .withDistribution(RandomDistribution.uniform()));
    }

    private static long pow10(int exponent) {
        return BigInteger.TEN.pow(exponent).longValueExact();
    }

    // ---- an independent reading of the caps ------------------------------------------------------------------

    /** max(LTV × share × severity × recurrence, floor), rounded half up once, saturating at the largest amount. */
    private static long effectiveCap(PolicySettings settings, int shareBasisPoints, PolicyRequest request) {
        long severity = settings.severityMultiplierBasisPoints().get(request.severity());
        long recurrence = 10_000 + Math.min(
                (long) settings.recurrenceBonusBasisPoints() * request.earlierRecurrences(),
                settings.recurrenceBonusCapBasisPoints());
        BigInteger numerator = BigInteger.valueOf(request.ltv().amountMinor())
                .multiply(BigInteger.valueOf(shareBasisPoints))
                .multiply(BigInteger.valueOf(severity))
                .multiply(BigInteger.valueOf(recurrence));
        BigInteger denominator = BigInteger.TEN.pow(12);
        BigInteger[] quotientAndRemainder = numerator.divideAndRemainder(denominator);
        BigInteger rounded = quotientAndRemainder[0].add(
                quotientAndRemainder[1].shiftLeft(1).compareTo(denominator) >= 0 ? BigInteger.ONE : BigInteger.ZERO);
        long byShare = rounded.min(BigInteger.valueOf(Long.MAX_VALUE)).longValueExact();
        return Math.max(byShare, settings.floor().amountMinor());
    }

    private static Map<Severity, Integer> severityMultipliers(int[] values) {
        int[] sorted = values.clone();
        Arrays.sort(sorted);
        Map<Severity, Integer> multipliers = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            multipliers.put(severity, sorted[severity.ordinal()]);
        }
        return multipliers;
    }

    private static PolicyRequest withProposed(PolicyRequest request, long proposed) {
        return new PolicyRequest(eur(proposed), request.ltv(), request.spentOnCase(), request.spentLast12Months(),
                request.severity(), request.earlierRecurrences());
    }

    private static PolicyRequest withSeverity(PolicyRequest request, Severity severity) {
        return new PolicyRequest(request.proposed(), request.ltv(), request.spentOnCase(),
                request.spentLast12Months(), severity, request.earlierRecurrences());
    }

    private static Money eur(long minor) {
        return Money.of(EUR, minor);
    }
}
