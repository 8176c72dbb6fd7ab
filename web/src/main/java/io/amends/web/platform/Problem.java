package io.amends.web.platform;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem document: what every REST error of Amends looks like.
 *
 * @param type     a URI naming the kind of problem ({@code https://amends.io/problems/<kind>})
 * @param title    a short summary of the kind
 * @param status   the HTTP status
 * @param detail   what went wrong this time, in words a client developer can act on
 * @param instance the request path
 * @param errors   for validation failures, one entry per offending field
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
    private static final String BASE = "https://amends.io/problems/";

    /** One invalid field: where it is (a JSON path like {@code contacts[0].email}) and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    public static Problem of(Response.StatusType status, String kind, String detail, String instance) {
        return new Problem(BASE + kind, status.getReasonPhrase(), status.getStatusCode(), detail, instance, null);
    }

    public static Problem invalid(String detail, String instance, List<FieldError> errors) {
        return new Problem(BASE + "invalid", "Bad Request", 400, detail, instance, errors == null || errors.isEmpty() ? null : errors);
    }

    public Response toResponse() {
        return Response.status(status).type(PROBLEM_JSON).entity(this).build();
    }
}
