package io.amends.web.fulfillment;

import io.amends.fulfillment.FulfillmentException;
import io.amends.fulfillment.FulfillmentInvalid;
import io.amends.fulfillment.FulfillmentNotFound;
import io.amends.web.platform.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Fulfillment's own exceptions as problem documents, the same way {@code ProblemMappers} maps the case domain's:
 * not found 404, invalid 400 with the field, refused 409.
 */
@Provider
public class FulfillmentProblems implements ExceptionMapper<FulfillmentException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(FulfillmentException e) {
        String path = uri.getRequestUri().getPath();
        if (e instanceof FulfillmentInvalid invalid) {
            return Problem.invalid(e.getMessage(), path,
                    invalid.field() == null ? null : List.of(new Problem.FieldError(invalid.field(), e.getMessage()))).toResponse();
        }
        Response.Status status = e instanceof FulfillmentNotFound ? Response.Status.NOT_FOUND : Response.Status.CONFLICT;
        return Problem.of(status, e.kind(), e.getMessage(), path).toResponse();
    }
}
