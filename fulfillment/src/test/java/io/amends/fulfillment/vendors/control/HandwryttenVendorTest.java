package io.amends.fulfillment.vendors.control;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.amends.fulfillment.orders.entity.GiftOrder;
import io.amends.fulfillment.orders.entity.GiftOrders;
import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.Vendor;
import io.amends.fulfillment.vendors.boundary.VendorRejection;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HandwryttenVendorTest extends HttpVendorTestBase {

    static final ReturnAddress SENDER = new ReturnAddress("Amends Demo Ltd", "1 Example Street", "10115", "Berlin", "DE");

    @Override
    Vendor vendor(URI siteRoot) {
        return new HandwryttenVendor(new HttpSettings(siteRoot.resolve("/v2"), "test_hw_123", Duration.ofMillis(500), READ_TIMEOUT),
                SENDER, "hwDavid");
    }

    @Override
    String ordersPath() {
        return "/v2/orders";
    }

    @Override
    ResponseDefinitionBuilder created(String id) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"orderId\":\"" + id + "\",\"status\":\"processing\"}");
    }

    @Override
    GiftOrder newOrder() {
        return GiftOrders.card("Dear Jane, we are sorry we billed you twice. It was our mistake, and it is fixed.");
    }

    @Test
    void theCardIsOrderedWithDesignFontMessageWishesAndBothAddresses() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(created("HW-1")));
        GiftOrder order = newOrder();

        Outbox.sendOnce(vendor(), order);

        vendorSite.verify(postRequestedFor(urlEqualTo("/v2/orders"))
                .withHeader("Authorization", equalTo("test_hw_123"))
                .withRequestBody(equalToJson("""
                        {"cardId": "2411", "font": "hwDavid",
                         "message": "Dear Jane, we are sorry we billed you twice. It was our mistake, and it is fixed.",
                         "wishes": "Sincerely,\\nAlice Account",
                         "sender": {"firstName": "Alice", "lastName": "Account", "businessName": "Amends Demo Ltd",
                                    "street1": "1 Example Street", "city": "Berlin", "zip": "10115", "country": "DE"},
                         "recipient": {"firstName": "Jane", "lastName": "Doe", "street1": "1 Main Street", "city": "Berlin",
                                       "zip": "10115", "country": "DE"},
                         "externalId": "4711"}
                        """)));
    }

    @Test
    void theStatusIsReadInTheVendorsWords() {
        vendorSite.stubFor(get(urlEqualTo("/v2/orders/HW-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"orderId\":\"HW-1\",\"status\":\"mailed\",\"detail\":\"USPS\"}")));

        VendorUpdate update = vendor().status("HW-1");

        assertThat(update.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(update.detail()).contains("mailed").contains("USPS");
    }

    @Test
    void aCardAlreadyWrittenCannotBeCancelled() {
        vendorSite.stubFor(post(urlEqualTo("/v2/orders/HW-1/cancel")).willReturn(aResponse().withStatus(409).withBody("already written")));

        assertThatThrownBy(() -> vendor().cancel("HW-1")).isInstanceOf(VendorRejection.class).hasMessageContaining("409");
    }

    @Test
    void callbacksAreReadAndUnknownWordsAreKeptWithoutAStatus() {
        Vendor vendor = vendor();

        assertThat(vendor.readCallback("{\"orderId\":\"HW-1\",\"status\":\"written\"}".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(OrderStatus.ACCEPTED);
        assertThat(vendor.readCallback("{\"orderId\":\"HW-1\",\"status\":\"laminated\"}".getBytes(StandardCharsets.UTF_8)).status())
                .isNull();
        assertThatThrownBy(() -> vendor.readCallback("not json".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTestKeyIsShownAsTestMode() {
        assertThat(vendor().describe().mode()).isEqualTo("test");
        assertThat(vendor().describe().toString()).doesNotContain("test_hw_123");
    }
}
