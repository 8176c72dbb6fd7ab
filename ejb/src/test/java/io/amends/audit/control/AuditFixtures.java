package io.amends.audit.control;

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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

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

    /** Any record content, sequence 1; chains renumber. Text is drawn from all of UTF-16, surrogates included. */
    static Arbitrary<AuditRecord> records() {
        Arbitrary<Instant> instants = Arbitraries.longs().between(0, Duration.ofDays(365L * 30).toNanos())
                .map(EPOCH_2026::plusNanos);
        Arbitrary<String> anyText = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> nullableText = anyText.injectNull(0.3);
        Arbitrary<Long> nullableLong = Arbitraries.longs().injectNull(0.3);
        Arbitrary<String> currency = Arbitraries.of("EUR", "USD", "CHF", "JPY").injectNull(0.4);
        return Builders.withBuilder(RecordBuilder::new)
                .use(instants).in((b, v) -> b.set(1, v))
                .use(anyText).in((b, v) -> b.set(2, v))
                .use(anyText).in((b, v) -> b.set(3, v))
                .use(anyText).in((b, v) -> b.set(4, v))
                .use(nullableText).in((b, v) -> b.set(5, v))
                .use(nullableLong).in((b, v) -> b.set(6, v))
                .use(nullableLong).in((b, v) -> b.set(7, v))
                .use(currency).in((b, v) -> b.set(8, v))
                .use(nullableLong).in((b, v) -> b.set(9, v))
                .use(nullableLong).in((b, v) -> b.set(10, v))
                .use(nullableLong).in((b, v) -> b.set(11, v))
                .use(nullableText).in((b, v) -> b.set(12, v))
                .use(Arbitraries.strings().all().ofMaxLength(300)).in((b, v) -> b.set(13, v))
                .build(RecordBuilder::build);
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

    /** Collects components for jqwik's builder; unset components get the values of a plain record. */
    static final class RecordBuilder {
        private final Object[] values;

        RecordBuilder() {
            AuditRecord plain = record(1, "");
            values = new Object[COMPONENTS.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = component(plain, i);
            }
        }

        private RecordBuilder(Object[] values) {
            this.values = values;
        }

        /** A copy with one more component set: jqwik may reuse builders while shrinking. */
        RecordBuilder set(int index, Object value) {
            Object[] copy = values.clone();
            copy[index] = value;
            return new RecordBuilder(copy);
        }

        AuditRecord build() {
            return construct(values);
        }
    }
}
