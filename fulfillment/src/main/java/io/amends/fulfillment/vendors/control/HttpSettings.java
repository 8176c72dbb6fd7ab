package io.amends.fulfillment.vendors.control;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Where an HTTP vendor is and how to talk to it, from MicroProfile Config ({@code amends.vendor.<name>.*}):
 * {@code base-url}, {@code api-key}, {@code connect-timeout}, {@code read-timeout} (ISO-8601 durations).
 */
public record HttpSettings(URI baseUrl, String apiKey, Duration connectTimeout, Duration readTimeout) {

    public HttpSettings {
        if (baseUrl == null || !baseUrl.isAbsolute()) {
            throw new IllegalArgumentException("A vendor's base URL must be absolute: " + baseUrl);
        }
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    public static HttpSettings from(Config config, String vendor, String defaultUrl) {
        String prefix = "amends.vendor." + vendor + ".";
        return new HttpSettings(
                URI.create(config.getOptionalValue(prefix + "base-url", String.class).orElse(defaultUrl)),
                config.getOptionalValue(prefix + "api-key", String.class).orElse(""),
                duration(config.getOptionalValue(prefix + "connect-timeout", String.class)),
                duration(config.getOptionalValue(prefix + "read-timeout", String.class)));
    }

    private static Duration duration(Optional<String> text) {
        return text.filter(t -> !t.isBlank()).map(Duration::parse).orElse(null);
    }

    /** {@code test} or {@code live} from the key's prefix (vendors with test keys prefix them so), else {@code live}. */
    public String mode() {
        return apiKey != null && apiKey.toLowerCase(Locale.ROOT).startsWith("test") ? "test" : "live";
    }
}
