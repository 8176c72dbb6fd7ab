package io.amends.bench.jmh;

import io.amends.coach.control.Coach;
import io.amends.coach.control.Coaching;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The language coach on a long letter (about 20 KB by default, the largest body the apology column holds), with a
 * realistic mix of clean sentences and the phrases the coach flags, and on a typical one-page letter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CoachBenchmark {

    @Param({"20000", "1500"})
    int letterChars;

    Coach coach;
    String letter;

    @Setup
    public void setUp() {
        coach = Coach.forLanguage("en");
        letter = Letters.letter(letterChars, 42);
    }

    @Benchmark
    public Coaching check() {
        return coach.check(letter);
    }

    /** Builds apology letters of a given length from clean and flagged sentences; reproducible by seed. */
    public static final class Letters {
        static final String[] CLEAN = {
            "I am sorry that your order arrived a week after the date we promised you.",
            "We charged your card twice for the March invoice, and that was our mistake.",
            "You had to call us three times before anyone listened, and that should never happen.",
            "We have refunded the second charge today; you will see it on your statement by 14 May.",
            "I have asked our billing team to check every invoice of your account before it is sent.",
            "Thank you for telling us so clearly what went wrong; it helps us fix it for everyone.",
            "Our warehouse shipped the wrong model, and you lost a day of work because of it.",
            "The replacement is on its way and will reach you by Friday, 12 June, before noon.",
            "I will call you on Monday to make sure everything works as it should.",
            "We know that an outage during your month-end closing cost your team a long evening.",
        };
        static final String[] FLAGGED = {
            "Unfortunately the courier lost the parcel.",
            "We apologise if you were inconvenienced by the delay.",
            "It was not our fault, but we understand your frustration.",
            "We will fix this soon.",
            "Mistakes were made in the billing process.",
            "As per our terms, the delivery window is an estimate.",
            "We are sorry you feel that the service was poor.",
            "Our supplier failed to deliver the parts on time.",
        };

        public static String letter(int chars, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            StringBuilder text = new StringBuilder(chars + 200).append("Dear Ms Becker,\n\n");
            int sentences = 0;
            while (text.length() < chars - 40) {
                String[] pool = random.nextInt(5) == 0 ? FLAGGED : CLEAN;
                text.append(pool[random.nextInt(pool.length)]);
                text.append(++sentences % 5 == 0 ? "\n\n" : " ");
            }
            return text.append("\nKind regards,\nAlice").toString();
        }
    }
}
