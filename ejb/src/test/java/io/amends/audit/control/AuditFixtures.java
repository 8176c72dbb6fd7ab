package io.amends.audit.control;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Builds audit records and chains for the tests, and alters them one field at a time. */
final class AuditFixtures {

    static final RecordComponent[] COMPONENTS = AuditRecord.class.getRecordComponents();

    private static final Set<String> REQUIRED_TEXT = Set.of("actor", "actorRole", "action", "details");
    private static final Instant EPOCH_2026 = Instant.parse("2026-01-01T00:00:00Z");

    /** The record whose canonical form and hash are pinned: every field set, nanoseconds to truncate, non-ASCII. */
    static final AuditRecord GOLDEN = new AuditRecord(7, Instant.parse("2026-11-25T09:30:00.123456789Z"),
            "alice", "ACCOUNT_MANAGER", "COMPENSATION_APPROVED", "AC-2026-0042", 1001L, 2500L, "EUR", 180000L,
            12000L, 667L, "WITHIN_POLICY", "Voucher for the late delivery.\nCustomer: \"thank you\" ✓");

    private AuditFixtures() {
    }

    static AuditRecord record(long sequence, String details) {
        return new AuditRecord(sequence, EPOCH_2026.plusSeconds(sequence), "alice", "ACCOUNT_MANAGER",
                "CASE_NOTE_ADDED", "AC-" + sequence, 42L, null, null, null, null, null, null, details);
    }

    /**
     * Any record content, sequence 1; chains renumber. Text is drawn from all of UTF-16, surrogates included; every
     * nullable field is null in 30% of records (currency in 40%).
     */
    static Gen<AuditRecord> records() {
        Gen<Instant> instants = longs().between(0, Duration.ofDays(365L * 30).toNanos()).map(EPOCH_2026::plusNanos);
        Gen<String> anyText = text(40);
        Gen<String> nullableText = orNull(anyText, 30);
        Gen<Long> nullableLong = orNull(anyLong(), 30);
        Gen<String> currency = orNull(Generate.pick(List.of("EUR", "USD", "CHF", "JPY")), 40);
        Gen<String> details = text(300);
        // Every component is drawn from the same randomness, so QuickTheories shrinks the record field by field.
        return in -> {
            Object[] values = new Object[COMPONENTS.length];
            values[0] = 1L;
            values[1] = instants.generate(in);
            values[2] = anyText.generate(in);
            values[3] = anyText.generate(in);
            values[4] = anyText.generate(in);
            values[5] = nullableText.generate(in);
            values[6] = nullableLong.generate(in);
            values[7] = nullableLong.generate(in);
            values[8] = currency.generate(in);
            values[9] = nullableLong.generate(in);
            values[10] = nullableLong.generate(in);
            values[11] = nullableLong.generate(in);
            values[12] = nullableText.generate(in);
            values[13] = details.generate(in);
            return construct(values);
        };
    }

    /** Lists of {@link #records()} of {@code minSize} to {@code maxSize} entries, chained from genesis. */
    static Gen<List<StoredEntry>> chains(int minSize, int maxSize) {
        return lists().of(records()).ofSizeBetween(minSize, maxSize).map(AuditFixtures::chain);
    }

    /**
     * Text of up to {@code maxLength} UTF-16 chars. Most chars are any of the 65,536, lone surrogates included; the
     * rest are ASCII or the characters that the canonical form gives a meaning to (line feed, colon, tilde, digits)
     * and surrogate halves that may pair up, which a uniform draw would hardly ever produce.
     */
    static Gen<String> text(int maxLength) {
        Gen<Character> anyChar = integers().between(Character.MIN_VALUE, Character.MAX_VALUE).map(c -> (char) (int) c);
        Gen<Character> ascii = integers().between(0, 0x7F).map(c -> (char) (int) c);
        Gen<Character> tricky = Generate.pick(List.of('\n', '\r', ':', '~', '0', '1', '9', '-', ' ',
                '\uD83E', '\uDDFE', '\uFFFD', '\u00E9', '\u8A3C'));
        Gen<Character> chars = Generate.frequency(List.of(Pair.of(6, anyChar), Pair.of(2, ascii), Pair.of(2, tricky)));
        return lists().of(chars).ofSizeBetween(0, maxLength).map(AuditFixtures::string);
    }

    /**
     * Any long, as likely small as huge: the extremes and the numbers around zero, then every bit length equally
     * often with either sign, then the whole range uniformly.
     */
    static Gen<Long> anyLong() {
        Gen<Long> edges = Generate.pick(List.of(0L, 1L, -1L, Long.MAX_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE,
                Long.MIN_VALUE + 1));
        Gen<Long> byBitLength = in -> {
            int bits = integers().between(0, 63).generate(in);
            long min = bits == 63 ? Long.MIN_VALUE : -(1L << bits);
            long max = bits == 63 ? Long.MAX_VALUE : (1L << bits) - 1;
            return longs().between(min, max).generate(in);
        };
        return Generate.frequency(List.of(Pair.of(1, edges), Pair.of(3, byBitLength), Pair.of(1, longs().all())));
    }

    /** {@code null} in {@code percent} percent of the draws, otherwise a value of {@code values}. */
    static <T> Gen<T> orNull(Gen<T> values, int percent) {
        Gen<Integer> percentile = integers().between(1, 100);
        return in -> {
            boolean none = percentile.generate(in) <= percent;
            T value = values.generate(in);
            return none ? null : value;
        };
    }

    private static String string(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }

    /** Numbers the contents 1, 2, 3 ... and chains them from genesis. */
    static List<StoredEntry> chain(List<AuditRecord> contents) {
        List<StoredEntry> chain = new ArrayList<>(contents.size());
        Checkpoint last = Checkpoint.GENESIS;
        for (AuditRecord content : contents) {
            StoredEntry entry = StoredEntry.seal(last, withSequence(content, last.sequence() + 1));
            chain.add(entry);
            last = Checkpoint.after(entry);
        }
        return chain;
    }

    /** A chain of {@code size} entries produced while it is read, so that nothing holds all of it. */
    static Iterator<StoredEntry> lazyChain(long size) {
        return new Iterator<>() {
            private Checkpoint last = Checkpoint.GENESIS;

            @Override
            public boolean hasNext() {
                return last.sequence() < size;
            }

            @Override
            public StoredEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                long sequence = last.sequence() + 1;
                StoredEntry entry = StoredEntry.seal(last, record(sequence, "Entry " + sequence + " — ✓ 証跡 🧾"));
                last = Checkpoint.after(entry);
                return entry;
            }
        };
    }

    static AuditRecord withSequence(AuditRecord record, long sequence) {
        return withComponent(record, 0, sequence);
    }

    static Object component(AuditRecord record, int index) {
        try {
            return COMPONENTS[index].getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    static AuditRecord withComponent(AuditRecord record, int index, Object value) {
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = i == index ? value : component(record, i);
        }
        return construct(values);
    }

    /**
     * A different value for one component that the record keeps as different: one microsecond (a nanosecond would
     * be truncated away), null for "" and "" for null, one character more or less, the next number.
     */
    static Object altered(AuditRecord record, int index, int variant) {
        RecordComponent component = COMPONENTS[index];
        Object current = component(record, index);
        String name = component.getName();
        if (component.getType() == long.class) {
            return (long) current + 1;
        }
        if (current instanceof Instant instant) {
            return variant % 2 == 0 ? instant.plusNanos(1_000) : instant.minusNanos(1_000);
        }
        if (name.equals("currency")) {
            return current == null ? "XTS" : variant % 2 == 0 ? null : current.equals("XTS") ? "XTR" : "XTS";
        }
        if (component.getType() == Long.class) {
            if (current == null) {
                return variant % 2 == 0 ? 0L : -1L;
            }
            long value = (Long) current;
            return variant % 3 == 0 ? null : value == Long.MAX_VALUE ? value - 1 : value + 1;
        }
        String text = (String) current;
        if (text == null) {
            return variant % 2 == 0 ? "" : "x";
        }
        if (variant % 3 == 0 && !REQUIRED_TEXT.contains(name)) {
            return null;
        }
        if (variant % 3 == 1 && !text.isEmpty()) {
            return text.substring(0, text.length() - 1);
        }
        return text + "x";
    }

    private static AuditRecord construct(Object[] values) {
        try {
            Class<?>[] types = Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
            Constructor<AuditRecord> canonical = AuditRecord.class.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
