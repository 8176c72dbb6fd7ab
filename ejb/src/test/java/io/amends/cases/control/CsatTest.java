package io.amends.cases.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.amends.cases.control.Csat.Bucket;
import io.amends.cases.control.Csat.Line;
import io.amends.cases.control.Csat.Rated;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsatTest {

    @Test
    void csatIsTheShareOfFoursAndFivesAndTheAverageIsOfAllScores() {
        Csat.Report report = Csat.of(List.of(rated(5), rated(4), rated(3), rated(1)));
        assertThat(report.overall().ratings()).isEqualTo(4);
        assertThat(report.overall().satisfied()).isEqualTo(2);
        assertThat(report.overall().csatPercent()).isEqualByComparingTo("50.0");
        assertThat(report.overall().averageScore()).isEqualByComparingTo("3.25");
    }

    @Test
    void noRatingsMakeAnEmptyReportNotADivisionByZero() {
        Csat.Report report = Csat.of(List.of());
        assertThat(report.overall().ratings()).isZero();
        assertThat(report.overall().csatPercent()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(report.byRootCause()).isEmpty();
        assertThat(report.byTimeToFirstContact()).isEmpty();
    }

    @Test
    void groupsByRootCauseAndAccountManagerWithNamesForTheUnknown() {
        Csat.Report report = Csat.of(List.of(
                new Rated(5, "BILLING", "alice", Set.of(), null),
                new Rated(2, "BILLING", "bob", Set.of(), null),
                new Rated(4, null, null, Set.of(), null)));
        assertThat(report.byRootCause()).extracting(Line::key).containsExactly("BILLING", Csat.UNCLASSIFIED);
        assertThat(report.byRootCause().get(0).csatPercent()).isEqualByComparingTo("50.0");
        assertThat(report.byAccountManager()).extracting(Line::key).containsExactlyInAnyOrder("alice", "bob", Csat.UNASSIGNED);
    }

    @Test
    void aCaseWithSeveralKindsOfCompensationCountsForEachAndOneWithoutForNone() {
        Csat.Report report = Csat.of(List.of(
                new Rated(5, "OUTAGE", "alice", Set.of("FLOWERS", "DISCOUNT_CODE"), Duration.ofMinutes(20)),
                new Rated(3, "OUTAGE", "alice", Set.of(), Duration.ofMinutes(20))));
        assertThat(report.byCompensationKind()).extracting(Line::key, Line::ratings)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("FLOWERS", 1L),
                        org.assertj.core.groups.Tuple.tuple("DISCOUNT_CODE", 1L), org.assertj.core.groups.Tuple.tuple(Csat.NONE, 1L));
        assertThat(report.overall().ratings()).isEqualTo(2);
    }

    @Test
    void timeToFirstContactFallsIntoBucketsInOrder() {
        assertThat(Bucket.of(Duration.ofMinutes(59))).isEqualTo(Bucket.UNDER_1H);
        assertThat(Bucket.of(Duration.ofHours(1))).isEqualTo(Bucket.FROM_1H_TO_4H);
        assertThat(Bucket.of(Duration.ofHours(4))).isEqualTo(Bucket.FROM_4H_TO_24H);
        assertThat(Bucket.of(Duration.ofHours(24))).isEqualTo(Bucket.OVER_24H);
        assertThat(Bucket.of(null)).isEqualTo(Bucket.NO_CONTACT);
        Csat.Report report = Csat.of(List.of(
                new Rated(2, null, null, Set.of(), Duration.ofDays(3)),
                new Rated(5, null, null, Set.of(), Duration.ofMinutes(5)),
                new Rated(5, null, null, Set.of(), null)));
        assertThat(report.byTimeToFirstContact()).extracting(Line::key).containsExactly("UNDER_1H", "OVER_24H", "NO_CONTACT");
    }

    private static Rated rated(int score) {
        return new Rated(score, "SERVICE", "alice", Set.of(), Duration.ofMinutes(30));
    }
}
