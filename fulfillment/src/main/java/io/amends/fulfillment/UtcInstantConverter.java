package io.amends.fulfillment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Stores an {@link Instant} as {@code TIMESTAMP WITH TIME ZONE} in UTC. Named explicitly on fulfillment's columns
 * ({@code @Convert}) rather than relying on a converter of the embedding application.
 */
@Converter
public class UtcInstantConverter implements AttributeConverter<Instant, OffsetDateTime> {

    @Override
    public OffsetDateTime convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public Instant convertToEntityAttribute(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
