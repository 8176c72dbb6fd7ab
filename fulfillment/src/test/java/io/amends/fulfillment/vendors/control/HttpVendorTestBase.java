package io.amends.fulfillment.vendors.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.Vendor;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every HTTP vendor adapter must do against a vendor that WireMock plays: send with the idempotency key, take
 * a 4xx as a final no (FAILED, no retry), retry 5xx, 429 and slow answers, and after an outage send the order once
 * when the vendor is back. Each adapter's test adds what is particular to its API.
 */
abstract class HttpVendorTestBase {

    static final Duration READ_TIMEOUT = Duration.ofMillis(400);

    static WireMockServer vendorSite;

    @BeforeAll
    static void startVendor() {
        vendorSite = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        vendorSite.start();
    }

    @AfterAll
    static void stopVendor() {
        vendorSite.stop();
    }

    @BeforeEach
    void reset() {
        vendorSite.resetAll();
    }

    /** The adapter under test, pointed at {@code base} (the vendor site's root plus any path prefix). */
    abstract Vendor vendor(URI siteRoot);

    /** The path orders are posted to. */
    abstract String ordersPath();

    /** A successful answer to an order, naming it {@code id}. */
    abstract ResponseDefinitionBuilder created(String id);

    /** A new order for this vendor's kind of gift. */
    abstract GiftOrder newOrder();

    Vendor vendor() {
        return vendor(URI.create(vendorSite.baseUrl()));
    }

    List<LoggedRequest> orderRequests() {
        return vendorSite.findAll(postRequestedFor(urlEqualTo(ordersPath())));
    }

    @Test
    void anAcceptedOrderIsSubmittedWithTheVendorsIdAndTheIdempotencyKeyIsSent() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(created("V-100")));
        GiftOrder order = newOrder();

        GiftOrder.Step step = Outbox.sendOnce(vendor(), order);

        assertThat(step.to()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.getVendorOrderId()).isEqualTo("V-100");
        assertThat(orderRequests()).singleElement().satisfies(request -> {
            assertThat(request.getHeader("Idempotency-Key")).isEqualTo(order.getIdempotencyKey());
            assertThat(request.getHeader("Content-Type")).startsWith("application/json");
        });
    }

    @Test
    void aRejectionFailsTheOrderAtOnceAndIsNeverRetried() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"postal code not served\"}")));
        GiftOrder order = newOrder();

        List<GiftOrder.Step> steps = Outbox.sendUntilSettled(vendor(), order);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(steps).singleElement().satisfies(s -> assertThat(s.detail()).contains("422").contains("postal code not served"));
        assertThat(orderRequests()).hasSize(1);
    }

    @Test
    void serverErrorsAreRetriedUntilTheLimitWithTheSameKey() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(aResponse().withStatus(503)));
        GiftOrder order = newOrder();

        List<GiftOrder.Step> steps = Outbox.sendUntilSettled(vendor(), order);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(steps).hasSize(Outbox.RETRIES.maxAttempts());
        assertThat(steps.get(0).detail()).contains("HTTP 503").contains("next attempt");
        assertThat(steps.get(steps.size() - 1).detail()).contains("Gave up after " + Outbox.RETRIES.maxAttempts() + " attempts");
        assertThat(orderRequests()).hasSize(Outbox.RETRIES.maxAttempts())
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(order.getIdempotencyKey()));
    }

    @Test
    void tooManyRequestsIsRetriedNotRejected() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(aResponse().withStatus(429)));
        GiftOrder order = newOrder();

        GiftOrder.Step step = Outbox.sendOnce(vendor(), order);

        assertThat(step.isChange()).isFalse();
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getNextAttemptAt()).isNotNull();
    }

    @Test
    void anAnswerSlowerThanTheReadTimeoutIsRetried() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(created("V-SLOW").withFixedDelay((int) READ_TIMEOUT.toMillis() * 4)));
        GiftOrder order = newOrder();

        long started = System.nanoTime();
        GiftOrder.Step step = Outbox.sendOnce(vendor(), order);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(step.isChange()).isFalse();
        assertThat(step.detail()).contains("no answer in time");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.getAttempts()).isEqualTo(1);
        assertThat(took).as("the caller is not held for the vendor's whole delay").isLessThan(READ_TIMEOUT.multipliedBy(4));
    }

    @Test
    void anOutageThatRecoversEndsWithTheOrderSentOnceWhenTheVendorIsBack() {
        String outage = "outage";
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).inScenario(outage).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still down"));
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).inScenario(outage).whenScenarioStateIs("still down")
                .willReturn(created("V-TOO-LATE").withFixedDelay((int) READ_TIMEOUT.toMillis() * 4)).willSetStateTo("recovering"));
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).inScenario(outage).whenScenarioStateIs("recovering")
                .willReturn(aResponse().withStatus(502)).willSetStateTo("back"));
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).inScenario(outage).whenScenarioStateIs("back")
                .willReturn(created("V-200")));
        GiftOrder order = newOrder();

        List<GiftOrder.Step> steps = Outbox.sendUntilSettled(vendor(), order);

        assertThat(order.getStatus()).isEqualTo(OrderStatus.SUBMITTED);
        assertThat(order.getVendorOrderId()).isEqualTo("V-200");
        assertThat(steps).hasSize(4);
        assertThat(steps.subList(0, 3)).allSatisfy(s -> assertThat(s.isChange()).isFalse());
        assertThat(steps.get(1).detail()).contains("no answer in time");
        assertThat(orderRequests()).as("three failed attempts, then one that got through, and nothing after it").hasSize(4)
                .allSatisfy(r -> assertThat(r.getHeader("Idempotency-Key")).isEqualTo(order.getIdempotencyKey()));
        assertThat(Outbox.sendUntilSettled(vendor(), order)).isEmpty();
        assertThat(orderRequests()).hasSize(4);
    }

    @Test
    void anUnreachableVendorIsRetried() {
        Vendor nowhere = vendor(URI.create("http://127.0.0.1:" + freePort()));
        GiftOrder order = newOrder();

        GiftOrder.Step step = Outbox.sendOnce(nowhere, order);

        assertThat(step.isChange()).isFalse();
        assertThat(step.detail()).contains("could not be reached");
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PENDING);
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
