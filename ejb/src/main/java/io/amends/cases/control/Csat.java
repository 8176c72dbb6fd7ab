package io.amends.cases.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Customer satisfaction (CSAT) from the ratings of resolutions: the share of ratings that are a 4 or a 5, and the
 * average score, overall and by what we want to learn from: the root cause, the account manager, the kind of
 * compensation, and how long the customer waited for the first contact (the practice: respond quickly).
 *
 * <p>A case with several kinds of compensation counts once for each kind; a case without any counts as {@code NONE}.
 */
public final class Csat {

    /** A rated case with what the report groups it by. {@code timeToFirstContact} is null when nobody called yet. */
    public record Rated(int score, String rootCause, String accountManager, Set<String> compensationKinds,
                        Duration timeToFirstContact) {
        public Rated {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("A score is 1 to 5: " + score);
            }
            compensationKinds = compensationKinds == null ? Set.of() : Set.copyOf(compensationKinds);
        }
    }

    /** One group: how many ratings, how many satisfied (4 or 5), the CSAT percentage and the average score. */
    public record Line(String key, long ratings, long satisfied, BigDecimal csatPercent, BigDecimal averageScore) {
    }

    /** The whole report. */
    public record Report(Line overall, List<Line> byRootCause, List<Line> byAccountManager, List<Line> byCompensationKind,
                         List<Line> byTimeToFirstContact) {
    }

    /** The buckets of time to first contact, in order. */
    public enum Bucket {
        UNDER_1H, FROM_1H_TO_4H, FROM_4H_TO_24H, OVER_24H, NO_CONTACT;

        public static Bucket of(Duration wait) {
            if (wait == null) {
                return NO_CONTACT;
            }
            if (wait.compareTo(Duration.ofHours(1)) < 0) {
                return UNDER_1H;
            }
            if (wait.compareTo(Duration.ofHours(4)) < 0) {
                return FROM_1H_TO_4H;
            }
            if (wait.compareTo(Duration.ofHours(24)) < 0) {
                return FROM_4H_TO_24H;
            }
            return OVER_24H;
        }
    }

    public static final String UNCLASSIFIED = "UNCLASSIFIED";
    public static final String UNASSIGNED = "UNASSIGNED";
    public static final String NONE = "NONE";

    private Csat() {
    }

    public static Report of(List<Rated> ratings) {
        Objects.requireNonNull(ratings);
        Line overall = line("ALL", ratings);
        List<Line> byCause = grouped(ratings, r -> List.of(r.rootCause() == null ? UNCLASSIFIED : r.rootCause()));
        List<Line> byManager = grouped(ratings, r -> List.of(r.accountManager() == null ? UNASSIGNED : r.accountManager()));
        List<Line> byKind = grouped(ratings, r -> r.compensationKinds().isEmpty() ? List.of(NONE)
                : r.compensationKinds().stream().sorted().toList());
        Map<String, List<Rated>> buckets = new LinkedHashMap<>();
        for (Bucket bucket : Bucket.values()) {
            buckets.put(bucket.name(), new ArrayList<>());
        }
        ratings.forEach(r -> buckets.get(Bucket.of(r.timeToFirstContact()).name()).add(r));
        List<Line> byWait = buckets.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> line(e.getKey(), e.getValue())).toList();
        return new Report(overall, byCause, byManager, byKind, byWait);
    }

    private static List<Line> grouped(List<Rated> ratings, Function<Rated, List<String>> keys) {
        Map<String, List<Rated>> groups = new LinkedHashMap<>();
        for (Rated r : ratings) {
            for (String key : keys.apply(r)) {
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        return groups.entrySet().stream().map(e -> line(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(Line::ratings).reversed().thenComparing(Line::key)).toList();
    }

    static Line line(String key, List<Rated> group) {
        long n = group.size();
        long satisfied = group.stream().filter(r -> r.score() >= 4).count();
        long sum = group.stream().mapToLong(Rated::score).sum();
        BigDecimal csat = n == 0 ? BigDecimal.ZERO.setScale(1)
                : BigDecimal.valueOf(satisfied * 100L).divide(BigDecimal.valueOf(n), 1, RoundingMode.HALF_UP);
        BigDecimal average = n == 0 ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
        return new Line(key, n, satisfied, csat, average);
    }
}
