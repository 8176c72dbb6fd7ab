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
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FloristVendorTest extends HttpVendorTestBase {

    @Override
    Vendor vendor(URI siteRoot) {
        return new FloristVendor(new HttpSettings(siteRoot.resolve("/api"), "florist-token", Duration.ofMillis(500), READ_TIMEOUT));
    }

    @Override
    String ordersPath() {
        return "/api/orders";
    }

    @Override
    ResponseDefinitionBuilder created(String id) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\":\"" + id + "\",\"status\":\"received\"}");
    }

    @Override
    GiftOrder newOrder() {
        return GiftOrders.roses();
    }

    @Test
    void theOrderNamesSkuRecipientDeliveryDateAndCardMessageWithTheBearerToken() {
        vendorSite.stubFor(post(urlEqualTo(ordersPath())).willReturn(created("FL-1")));

        Outbox.sendOnce(vendor(), newOrder());

        vendorSite.verify(postRequestedFor(urlEqualTo("/api/orders"))
                .withHeader("Authorization", equalTo("Bearer florist-token"))
                .withRequestBody(equalToJson("""
                        {"sku": "FL-ROSES-12",
                         "recipient": {"name": "Jane Doe", "street": "1 Main Street", "postalCode": "10115", "city": "Berlin",
                                       "country": "DE", "email": "jane@example.com"},
                         "deliveryDate": "2026-11-27",
                         "cardMessage": "We are sorry we billed you twice.",
                         "sender": "Alice Account",
                         "externalReference": "4711"}
                        """)));
    }

    @Test
    void theStatusIsReadInTheFloristsWords() {
        vendorSite.stubFor(get(urlEqualTo("/api/orders/FL-1")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"id\":\"FL-1\",\"status\":\"out_for_delivery\"}")));

        assertThat(vendor().status("FL-1").status()).isEqualTo(OrderStatus.SHIPPED);
    }

    @Test
    void aStatusQueryForAnOrderTheFloristDoesNotKnowIsAFinalNo() {
        vendorSite.stubFor(get(urlEqualTo("/api/orders/FL-404")).willReturn(aResponse().withStatus(404)));

        assertThatThrownBy(() -> vendor().status("FL-404")).isInstanceOf(VendorRejection.class);
    }

    @Test
    void aCancellationIsPostedAndItsSuccessNeedsNoBody() {
        vendorSite.stubFor(post(urlEqualTo("/api/orders/FL-1/cancel")).willReturn(aResponse().withStatus(204)));

        vendor().cancel("FL-1");

        vendorSite.verify(postRequestedFor(urlEqualTo("/api/orders/FL-1/cancel")).withHeader("Authorization", equalTo("Bearer florist-token")));
    }
}
