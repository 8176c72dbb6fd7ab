package io.amends.fulfillment.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Random;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's settings from MicroProfile Config, read once:
 * {@code amends.fulfillment.dispatch.batch} (orders claimed per sweep), {@code .dispatch.lease} (how long a claim
 * holds before another node may take the order over; longer than a batch of vendor calls can take),
 * {@code .retry.max-attempts}, {@code .retry.base-delay}, {@code .retry.max-delay}, {@code .retry.jitter},
 * {@code .poll.interval} (how often a vendor is asked for news of an order it has), {@code .poll.give-up-after}.
 */
@ApplicationScoped
public class OutboxSettings {

    @Inject
    @ConfigProperty(name = "amends.fulfillment.dispatch.batch", defaultValue = "10")
    int batch;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.dispatch.lease", defaultValue = "PT5M")
    String lease;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.retry.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.retry.base-delay", defaultValue = "PT10S")
    String baseDelay;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.retry.max-delay", defaultValue = "PT30M")
    String maxDelay;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.retry.jitter", defaultValue = "0.5")
    double jitter;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.poll.interval", defaultValue = "PT15M")
    String pollInterval;

    @Inject
    @ConfigProperty(name = "amends.fulfillment.poll.give-up-after", defaultValue = "P30D")
    String pollFor;

    private final Random random = new SecureRandom();

    public int batch() {
        return batch;
    }

    public Duration lease() {
        return Duration.parse(lease);
    }

    public Duration pollInterval() {
        return Duration.parse(pollInterval);
    }

    public Dispatching dispatching() {
        return new Dispatching(new Retries(maxAttempts, Duration.parse(baseDelay), Duration.parse(maxDelay), jitter),
                Duration.parse(pollInterval), Duration.parse(pollFor), random::nextDouble);
    }
}
