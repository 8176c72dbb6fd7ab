package io.amends.compensation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.amends.cases.entity.Severity;
import io.amends.compensation.entity.Money;
import io.amends.compensation.entity.Verdict;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The guarantees of the compensation policy, over random coherent settings and requests.
 *
 * <p>Amounts are drawn so that every order of magnitude is as likely as any other, and the settings' limits as
 * fractions of one another, so that caps, floor and limits are all hit often; the oracle property checks that every
 * verdict actually occurs, and the sequence property that the caps actually bind.
 */
class PolicyPropertiesTest {

    private static final String EUR = "EUR";

    @Test
    void raisingTheAmountNeverMakesTheVerdictMoreLenient() {
        qt().withExamples(1000).forAll(settings(), requests(), increments())
                .checkAssert((settings, request, more) -> {
                    Verdict before = Policy.decide(settings, request).verdict();
                    Verdict after = Policy.decide(settings,
                            withProposed(request, request.proposed().amountMinor() + more)).verdict();

                    assertThat(after.isMoreLenientThan(before)).as("%s became %s", before, after).isFalse();
                });
    }

    @Test
    void raisingTheLtvNeverMakesTheVerdictStricter() {
        qt().withExamples(1000).forAll(settings(), requests(), increments())
                .checkAssert((settings, request, more) -> {
                    PolicyRequest richer = new PolicyRequest(request.proposed(),
                            eur(request.ltv().amountMinor() + more), request.spentOnCase(),
                            request.spentLast12Months(), request.severity(), request.earlierRecurrences());

                    Verdict before = Policy.decide(settings, request).verdict();
                    Verdict after = Policy.decide(settings, richer).verdict();

                    assertThat(after.isStricterThan(before)).as("%s became %s", before, after).isFalse();
                });
    }

    @Test
    void aHigherSeverityNeverMakesTheVerdictStricter() {
        qt().withExamples(1000).forAll(settings(), requests(), severities(), severities())
                .checkAssert((settings, request, one, other) -> {
                    Severity milder = one.compareTo(other) <= 0 ? one : other;
                    Severity worse = one.compareTo(other) <= 0 ? other : one;

                    Verdict forMilder = Policy.decide(settings, withSeverity(request, milder)).verdict();
                    Verdict forWorse = Policy.decide(settings, withSeverity(request, worse)).verdict();

                    assertThat(forWorse.isStricterThan(forMilder))
                            .as("%s for %s, %s for %s", forMilder, milder, forWorse, worse).isFalse();
                });
    }

    @Test
    void moreEarlierRecurrencesNeverMakeTheVerdictStricter() {
        qt().withExamples(1000).forAll(settings(), requests(), integers().between(0, 20))
                .checkAssert((settings, request, more) -> {
                    PolicyRequest recurring = new PolicyRequest(request.proposed(), request.ltv(),
                            request.spentOnCase(), request.spentLast12Months(), request.severity(),
                            request.earlierRecurrences() + more);

                    Verdict before = Policy.decide(settings, request).verdict();
                    Verdict after = Policy.decide(settings, recurring).verdict();

                    assertThat(after.isStricterThan(before)).as("%s became %s", before, after).isFalse();
                });
    }

    @Test
    void morePriorSpendNeverMakesTheVerdictMoreLenient() {
        qt().withExamples(1000).forAll(settings(), requests(), increments(), increments())
                .checkAssert((settings, request, moreOnCase, moreInYear) -> {
                    PolicyRequest spent = new PolicyRequest(request.proposed(), request.ltv(),
                            eur(request.spentOnCase().amountMinor() + moreOnCase),
                            eur(request.spentLast12Months().amountMinor() + moreInYear),
                            request.severity(), request.earlierRecurrences());

                    Verdict before = Policy.decide(settings, request).verdict();
                    Verdict after = Policy.decide(settings, spent).verdict();

                    assertThat(after.isMoreLenientThan(before)).as("%s became %s", before, after).isFalse();
                });
    }

    /**
     * Replays proposals in two different orders, each accepted one adding to the spend as a pending proposal does,
     * either all on one case or each on a case of its own; in every order the spend stays within the effective caps.
     */
    @Test
    void proposalsGrantedInAnyOrderNeverTakeTheSpendAboveTheEffectiveCaps() {
        Gen<Circumstances> circumstances = severities()
                .zip(integers().between(0, 6), booleans().all(), Circumstances::new);
        int[] ordersReplayed = {0};
        int[] ordersWithRefusals = {0};

        qt().withExamples(1000).forAll(settings(), ltvs(), circumstances, proposalsInTwoOrders())
                .checkAssert((settings, ltv, given, proposals) -> {
                    Severity severity = given.severity();
                    int recurrences = given.recurrences();
                    boolean allOnOneCase = given.allOnOneCase();
                    PolicyRequest shape = new PolicyRequest(eur(1), eur(ltv), eur(0), eur(0), severity, recurrences);
                    long rollingCap = effectiveCap(settings, settings.rolling12mCapBasisPoints(), shape);
                    long caseCap = effectiveCap(settings, settings.caseCapBasisPoints(), shape);
                    long bound = allOnOneCase ? Math.min(rollingCap, caseCap) : rollingCap;

                    for (List<Long> order : List.of(proposals.first(), proposals.second())) {
                        long spent = 0;
                        int refused = 0;
                        for (long amount : order) {
                            PolicyRequest request = new PolicyRequest(eur(amount), eur(ltv),
                                    eur(allOnOneCase ? spent : 0), eur(spent), severity, recurrences);
                            PolicyDecision decision = Policy.decide(settings, request);
                            if (decision.verdict().isApprovable()) {
                                spent = Math.addExact(spent, amount);
                            } else {
                                refused++;
                            }
                            assertThat(spent).as("spend after %s in order %s", amount, order)
                                    .isLessThanOrEqualTo(bound);
                        }
                        ordersReplayed[0]++;
                        if (refused > 0) {
                            ordersWithRefusals[0]++;
                        }
                    }
                });

        // The caps must actually bind: otherwise the property would hold for a policy without caps.
        assertThat(100.0 * ordersWithRefusals[0] / ordersReplayed[0]).as("%% of orders with a refused proposal")
                .isGreaterThan(20);
    }

    @Test
    void theAbsoluteCeilingIsNeverExceeded() {
        qt().withExamples(1000).forAll(settings(), requests())
                .checkAssert((settings, request) -> {
                    PolicyDecision decision = Policy.decide(settings, request);

                    if (request.proposed().isGreaterThan(settings.absoluteCeiling())) {
                        assertThat(decision.verdict()).isEqualTo(Verdict.REFUSED);
                        assertThat(decision.reasons()).extracting(RuleCheck::rule).contains(Rule.ABSOLUTE_CEILING);
                    }
                });
    }

    @Test
    void theVerdictAgreesWithAnIndependentReadingOfThePolicy() {
        Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
        int[] decisions = {0};

        qt().withExamples(1000).forAll(settings(), requests())
                .checkAssert((settings, request) -> {
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
                    verdicts.merge(expected, 1, Integer::sum);
                    decisions[0]++;
                });

        // Every verdict must occur often enough for the agreement to mean something.
        for (Verdict verdict : Verdict.values()) {
            assertThat(100.0 * verdicts.getOrDefault(verdict, 0) / decisions[0]).as("%% of %s", verdict)
                    .isGreaterThan(3);
        }
    }

    @Test
    void everyDecisionListsEveryRuleWithItsNumbers() {
        qt().withExamples(1000).forAll(settings(), requests())
                .checkAssert((settings, request) -> {
                    PolicyDecision decision = Policy.decide(settings, request);

                    assertThat(decision.checks()).extracting(RuleCheck::rule).containsExactly(Rule.values());
                    String explanation = decision.explanation();
                    String audit = decision.toAuditString();
                    for (RuleCheck check : decision.checks()) {
                        assertThat(check.amount()).isEqualTo(request.proposed());
                        assertThat(check.ltv()).isEqualTo(request.ltv());
                        assertThat(check.ratio().isPresent()).isEqualTo(!request.ltv().isZero());
                        assertThat(check.sentence()).contains(check.limit().format())
                                .contains(check.projected().format());
                        assertThat(explanation).contains(check.sentence());
                        assertThat(audit).contains(check.toAuditString());
                    }
                    assertThat(decision.check(Rule.CASE_CAP).spend()).isEqualTo(request.spentOnCase());
                    assertThat(decision.check(Rule.ROLLING_12M_CAP).spend()).isEqualTo(request.spentLast12Months());
                    assertThat(decision.check(Rule.ABSOLUTE_CEILING).limit()).isEqualTo(settings.absoluteCeiling());
                    assertThat(decision.check(Rule.AUTO_APPROVAL_LIMIT).limit())
                            .isEqualTo(settings.autoApprovalLimit());
                    assertThat(decision.check(Rule.FINANCE_LIMIT).limit()).isEqualTo(settings.financeLimit());
                    assertThat(decision.check(Rule.FLOOR).limit()).isEqualTo(settings.floor());
                    assertThat(audit).startsWith("format=1;verdict=" + decision.verdict() + ";currency=EUR;amount="
                            + request.proposed().amountMinor() + ";ltv=" + request.ltv().amountMinor() + ";");
                });
    }

    @Test
    void refusalsNameTheBrokenRuleAndItsNumbers() {
        qt().withExamples(1000).forAll(settings(), requests())
                .checkAssert((settings, request) -> {
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
                });
    }

    @Test
    void withZeroLtvOnlyTheFloorAllowsAnything() {
        qt().withExamples(1000).forAll(settings(), requests())
                .checkAssert((settings, someRequest) -> {
                    PolicyRequest request = new PolicyRequest(someRequest.proposed(), eur(0),
                            someRequest.spentOnCase(), someRequest.spentLast12Months(), someRequest.severity(),
                            someRequest.earlierRecurrences());

                    PolicyDecision decision = Policy.decide(settings, request);

                    if (decision.verdict().isApprovable()) {
                        Money floor = settings.floor();
                        assertThat(request.proposed().plus(request.spentOnCase())).isLessThanOrEqualTo(floor);
                        assertThat(request.proposed().plus(request.spentLast12Months())).isLessThanOrEqualTo(floor);
                        assertThat(decision.check(Rule.FLOOR).passed()).isTrue();
                    }
                });
    }

    @Test
    void theSameInputAlwaysGivesAnEqualDecision() {
        qt().withExamples(1000).forAll(settings(), requests())
                .checkAssert((settings, request) -> {
                    PolicySettings sameSettings = new PolicySettings(settings.caseCapBasisPoints(),
                            settings.rolling12mCapBasisPoints(), settings.floor(), settings.autoApprovalLimit(),
                            settings.financeLimit(), settings.absoluteCeiling(),
                            new EnumMap<>(settings.severityMultiplierBasisPoints()),
                            settings.recurrenceBonusBasisPoints(), settings.recurrenceBonusCapBasisPoints());
                    PolicyRequest sameRequest = new PolicyRequest(eur(request.proposed().amountMinor()),
                            eur(request.ltv().amountMinor()), eur(request.spentOnCase().amountMinor()),
                            eur(request.spentLast12Months().amountMinor()), request.severity(),
                            request.earlierRecurrences());

                    PolicyDecision first = Policy.decide(settings, request);
                    PolicyDecision second = Policy.decide(sameSettings, sameRequest);

                    assertThat(second).isEqualTo(first).hasSameHashCodeAs(first);
                    assertThat(second.explanation()).isEqualTo(first.explanation());
                    assertThat(second.toAuditString()).isEqualTo(first.toAuditString());
                });
    }

    // ---- generators -------------------------------------------------------------------------------------------

    private static Gen<PolicySettings> settings() {
        Gen<Integer> shares = integers().between(0, 2_000);
        Gen<Long> ceiling = longs().between(100_000, 1_000_000);
        // Finance limit, auto-approval limit and floor as percentages, so that they are always coherent and the
        // bands between them are wide enough for every verdict to occur.
        Gen<List<Integer>> ladder = lists().of(integers().between(5, 30)).ofSize(3);
        Gen<Map<Severity, Integer>> severity = lists().of(biased(10_000, 30_000).map(Math::toIntExact)).ofSize(4)
                .map(PolicyPropertiesTest::severityMultipliers);
        Gen<Integer> bonus = biased(0, 5_000).map(Math::toIntExact);
        Gen<Integer> bonusCap = biased(0, 20_000).map(Math::toIntExact);
        return in -> {
            int caseShare = shares.generate(in);
            int rollingShare = shares.generate(in);
            long top = ceiling.generate(in);
            List<Integer> percent = ladder.generate(in);
            Map<Severity, Integer> multipliers = severity.generate(in);
            int perRecurrence = bonus.generate(in);
            int cap = bonusCap.generate(in);
            long finance = top * percent.get(0) / 100;
            long auto = finance * percent.get(1) / 100;
            long floor = top * percent.get(2) / 1_000;
            return new PolicySettings(caseShare, rollingShare, eur(floor), eur(auto), eur(finance), eur(top),
                    multipliers, perRecurrence, cap);
        };
    }

    private static Gen<PolicyRequest> requests() {
        Gen<Long> spend = Generate.frequency(List.of(
                Pair.of(1, Generate.constant(0L)),
                Pair.of(1, logUniform(0, 6))));
        Gen<Long> amounts = logUniform(3, 6);
        Gen<Long> ltvs = ltvs();
        Gen<Severity> severities = severities();
        Gen<Integer> recurrences = integers().between(0, 6);
        return in -> new PolicyRequest(eur(amounts.generate(in)), eur(ltvs.generate(in)), eur(spend.generate(in)),
                eur(spend.generate(in)), severities.generate(in), recurrences.generate(in));
    }

    private static Gen<Long> ltvs() {
        return Generate.frequency(List.of(
                Pair.of(1, Generate.constant(0L)),
                Pair.of(9, logUniform(2, 10))));
    }

    private static Gen<Severity> severities() {
        return Generate.enumValues(Severity.class);
    }

    private static Gen<Long> increments() {
        return biased(0, 5_000_000);
    }

    /** Up to twelve proposals in the order they were made and in a random other order. */
    private static Gen<TwoOrders> proposalsInTwoOrders() {
        Gen<List<Long>> proposals = lists().of(biased(1, 300_000)).ofSizeBetween(1, 12);
        return in -> {
            List<Long> list = proposals.generate(in);
            List<Long> shuffled = new ArrayList<>(list);
            for (int i = shuffled.size() - 1; i > 0; i--) { // Fisher-Yates, drawing from the same randomness
                Collections.swap(shuffled, i, integers().between(0, i).generate(in));
            }
            return new TwoOrders(List.copyOf(list), List.copyOf(shuffled));
        };
    }

    /**
     * Amounts from 10^from to 10^to minor units, each order of magnitude equally likely, because the rules compare
     * amounts that differ by orders of magnitude (a card against the LTV of a large account).
     */
    private static Gen<Long> logUniform(int from, int to) {
        Gen<Integer> digits = integers().between(from, to - 1);
        return in -> {
            int exponent = digits.generate(in);
            return longs().between(pow10(exponent), pow10(exponent + 1)).generate(in);
        };
    }

    /**
     * Numbers from {@code min} to {@code max}, most of them small: the bounds themselves, offsets from {@code min} of
     * every bit length equally often, and the whole range uniformly. Small increments and amounts are the ones that
     * cross a limit by a minor unit.
     */
    private static Gen<Long> biased(long min, long max) {
        long span = max - min;
        int spanBits = 64 - Long.numberOfLeadingZeros(span);
        Gen<Integer> bitLengths = integers().between(0, spanBits);
        Gen<Long> nearMin = in -> {
            int bits = bitLengths.generate(in);
            return min + longs().between(0, Math.min(span, (1L << bits) - 1)).generate(in);
        };
        return Generate.frequency(List.of(
                Pair.of(1, Generate.pick(List.of(min, max))),
                Pair.of(3, nearMin),
                Pair.of(4, longs().between(min, max))));
    }

    private static long pow10(int exponent) {
        return BigInteger.TEN.pow(exponent).longValueExact();
    }

    /** Severity, earlier recurrences and whether all proposals are on one case, for the replay property. */
    private record Circumstances(Severity severity, int recurrences, boolean allOnOneCase) {
    }

    /** The same proposals in two orders. */
    private record TwoOrders(List<Long> first, List<Long> second) {
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

    private static Map<Severity, Integer> severityMultipliers(List<Integer> values) {
        List<Integer> sorted = values.stream().sorted().toList();
        Map<Severity, Integer> multipliers = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            multipliers.put(severity, sorted.get(severity.ordinal()));
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
