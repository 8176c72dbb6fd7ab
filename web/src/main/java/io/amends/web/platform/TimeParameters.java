package io.amends.web.platform;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads times in query and path parameters: an instant ({@code 2026-11-25T10:00:00Z}) or a date ({@code 2026-11-25},
 * meaning its start in UTC), and durations ({@code PT2H}). A bad value is a 400 that names the expected format.
 */
@Provider
public class TimeParameters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        if (rawType == Instant.class) {
            return (ParamConverter<T>) converter(TimeParameters::instant, Instant::toString);
        }
        if (rawType == Duration.class) {
            return (ParamConverter<T>) converter(text -> parse(text, Duration::parse, "a duration such as PT2H"), Duration::toString);
        }
        return null;
    }

    static Instant instant(String text) {
        if (text.length() == 10) {
            return parse(text, t -> LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant(), "a date such as 2026-11-25");
        }
        return parse(text, Instant::parse, "an instant such as 2026-11-25T10:00:00Z");
    }

    private static <V> V parse(String text, Function<String, V> parser, String expected) {
        try {
            return parser.apply(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "' is not " + expected);
        }
    }

    private static <V> ParamConverter<V> converter(Function<String, V> from, Function<V, String> to) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                return value == null || value.isBlank() ? null : from.apply(value);
            }

            @Override
            public String toString(V value) {
                return to.apply(value);
            }
        };
    }
}
