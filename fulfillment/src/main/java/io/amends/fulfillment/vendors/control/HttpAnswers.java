package io.amends.fulfillment.vendors.control;

import io.amends.fulfillment.orders.entity.OrderStatus;
import io.amends.fulfillment.vendors.boundary.VendorRejection;
import io.amends.fulfillment.vendors.boundary.VendorUnavailable;
import io.amends.fulfillment.vendors.boundary.VendorUpdate;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What the HTTP vendors' answers mean, in one place: which statuses are worth retrying, which are a final no, and
 * how their JSON reads.
 */
final class HttpAnswers {

    private HttpAnswers() {
    }

    /** Calls the vendor; a failure to get any answer (refused connection, timeout) is a {@link VendorUnavailable}. */
    static Response call(String vendor, Supplier<Response> request) {
        try {
            return request.get();
        } catch (VendorRejection | VendorUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw new VendorUnavailable(vendor + " could not be reached: " + describe(e), e);
        }
    }

    /**
     * The JSON body of a successful answer. 408, 425, 429 and 5xx are worth retrying ({@link VendorUnavailable}); any
     * other 4xx is the vendor's final no ({@link VendorRejection}).
     */
    static JsonObject expectJson(String vendor, String what, Response response) {
        try (response) {
            int status = response.getStatus();
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            check(vendor, what, status, body);
            if (body == null || body.isBlank()) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (JsonException | ClassCastException e) {
                throw new VendorUnavailable(vendor + " answered " + what + " with something that is not a JSON object");
            }
        }
    }

    static void expectSuccess(String vendor, String what, Response response) {
        try (response) {
            check(vendor, what, response.getStatus(), response.hasEntity() ? response.readEntity(String.class) : "");
        }
    }

    private static void check(String vendor, String what, int status, String body) {
        if (status >= 200 && status < 300) {
            return;
        }
        String said = snippet(body);
        if (status == 408 || status == 425 || status == 429 || status >= 500) {
            throw new VendorUnavailable(vendor + " answered " + what + " with HTTP " + status + said);
        }
        throw new VendorRejection(vendor + " refused " + what + " with HTTP " + status + said);
    }

    /** A vendor callback or status body: {@code {"orderId": "...", "status": "<vendor's word>", "detail": "..."}}. */
    static VendorUpdate update(String vendor, JsonObject json, Map<String, OrderStatus> words) {
        String id = text(json, "orderId");
        if (id == null) {
            id = text(json, "id");
        }
        String word = text(json, "status");
        if (id == null || word == null) {
            throw new IllegalArgumentException(vendor + "'s message has no orderId or status");
        }
        OrderStatus status = words.get(word.toLowerCase(java.util.Locale.ROOT));
        String detail = text(json, "detail");
        return new VendorUpdate(id, status, vendor + " reports \"" + word + "\"" + (detail == null ? "" : ": " + detail));
    }

    static JsonObject parse(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body == null ? new byte[0] : body))) {
            return reader.readObject();
        } catch (JsonException | ClassCastException | IllegalStateException e) {
            throw new IllegalArgumentException("The body is not a JSON object");
        }
    }

    static String text(JsonObject json, String name) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String text = value.getValueType() == JsonValue.ValueType.STRING ? json.getString(name) : value.toString();
        return text.isBlank() ? null : text.strip();
    }

    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SocketTimeoutException) {
                return "no answer in time (" + cause.getMessage() + ")";
            }
            if (cause instanceof ConnectException) {
                return "connection refused";
            }
            if (cause instanceof UnknownHostException) {
                return "unknown host " + cause.getMessage();
            }
        }
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + snippet(message).replaceFirst("^: ", ""));
    }

    private static String snippet(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String line = body.replaceAll("\\s+", " ").strip();
        return ": " + (line.length() > 200 ? line.substring(0, 200) + "…" : line);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
