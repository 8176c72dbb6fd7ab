package io.amends.web.platform;

import io.amends.platform.entity.BusinessException;
import io.amends.platform.entity.Forbidden;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every exception that reaches JAX-RS into an {@code application/problem+json} answer, in one place.
 *
 * <p>A client's mistake is a 4xx with a detail it can act on; a lost race is a 409; anything unexpected is a 500
 * whose detail carries an incident id that is also in the server log, never a stack trace.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {
    }

    /** Maps Amends' own business exceptions, and those wrapped by the EJB container. */
    static Response forBusiness(BusinessException e, String path) {
        Response.Status status;
        if (e instanceof NotFound) {
            status = Response.Status.NOT_FOUND;
        } else if (e instanceof Invalid invalid) {
            return Problem.invalid(e.getMessage(), path,
                    invalid.field() == null ? null : List.of(new Problem.FieldError(invalid.field(), e.getMessage()))).toResponse();
        } else if (e instanceof Forbidden) {
            status = Response.Status.FORBIDDEN;
        } else {
            status = Response.Status.CONFLICT;
        }
        return Problem.of(status, e.kind(), e.getMessage(), path).toResponse();
    }

    static Response unexpected(Throwable e, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " at " + path, e);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal",
                "Something went wrong on our side; the incident id is " + incident, path).toResponse();
    }

    static Response unwrap(Throwable e, String path) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (cause instanceof BusinessException business) {
                return forBusiness(business, path);
            }
            if (cause instanceof ConstraintViolationException violation) {
                return Violations.toResponse(violation, path);
            }
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
                return Problem.of(Response.Status.CONFLICT, "concurrent-update",
                        "Someone else changed this at the same time; reload and try again", path).toResponse();
            }
            if (cause instanceof jakarta.resource.spi.ResourceAllocationException) {
                // The connection pool is exhausted: the server is overloaded, not broken; the client may retry.
                return Response.fromResponse(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "overloaded",
                        "The server is too busy to take this request now; retry in a moment", path).toResponse())
                        .header("Retry-After", "1").build();
            }
            if (cause instanceof jakarta.ws.rs.core.NoContentException) {
                return Problem.invalid("The request needs a JSON body", path, null).toResponse();
            }
            if (cause instanceof JsonbException || cause instanceof JsonParsingException) {
                return Problem.invalid("The request body is not valid JSON for this endpoint: " + safe(cause.getMessage()), path, null)
                        .toResponse();
            }
        }
        return unexpected(e, path);
    }

    static String safe(String message) {
        if (message == null) {
            return "unreadable body";
        }
        // Parser messages may echo input; keep them short and single-line.
        String oneLine = message.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }

    /** Thrown by our own code for a rule the business refuses to break. */
    @Provider
    public static class Business implements ExceptionMapper<BusinessException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(BusinessException e) {
            return forBusiness(e, uri.getRequestUri().getPath());
        }
    }

    /** Bean Validation on resource parameters and on boundary methods. */
    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            return toResponse(e, uri.getRequestUri().getPath());
        }

        static Response toResponse(ConstraintViolationException e, String path) {
            List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                    .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            String detail = errors.size() == 1
                    ? errors.get(0).field() + ": " + errors.get(0).message()
                    : errors.size() + " fields are invalid";
            return Problem.invalid(detail, path, errors).toResponse();
        }

        /** The property path without method and parameter: {@code create.body.contacts[0].email} becomes {@code contacts[0].email}. */
        static String fieldOf(ConstraintViolation<?> violation) {
            String parameter = null;
            StringBuilder field = new StringBuilder();
            for (Path.Node node : violation.getPropertyPath()) {
                ElementKind kind = node.getKind();
                if (kind == ElementKind.PARAMETER) {
                    parameter = node.getName();
                    continue;
                }
                if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                        || kind == ElementKind.RETURN_VALUE || node.getName() == null) {
                    continue;
                }
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(node.getName());
            }
            if (field.length() > 0) {
                return field.toString();
            }
            return parameter == null ? "body" : parameter;
        }
    }

    /** Exceptions the JAX-RS runtime raises itself: unknown path (404), wrong method (405), bad media type (415)... */
    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(WebApplicationException e) {
            Response original = e.getResponse();
            int code = original.getStatus();
            if (e.getClass().getName().startsWith("org.glassfish.jersey.server.ParamException")) {
                // Jersey answers 404 for a query parameter it cannot convert; for the client that is a bad request
                Throwable cause = e.getCause() == null ? e : e.getCause();
                String detail = cause instanceof WebApplicationException && cause.getMessage() != null ? cause.getMessage()
                        : "A parameter has a value of the wrong type or an unknown value: " + safe(cause.getMessage());
                return Problem.invalid(detail, uri.getRequestUri().getPath(), null).toResponse();
            }
            if (code >= 500) {
                return unwrap(e.getCause() != null ? e.getCause() : e, uri.getRequestUri().getPath());
            }
            if (e.getCause() != null && code == 400) {
                Response mapped = unwrap(e.getCause(), uri.getRequestUri().getPath());
                if (mapped.getStatus() != 500) {
                    return mapped;
                }
            }
            Response.StatusType status = Response.Status.fromStatusCode(code);
            if (status == null) {
                status = original.getStatusInfo();
            }
            String detail = switch (code) {
                case 400 -> "The request is malformed: " + safe(e.getMessage());
                case 401 -> "Sign in first: send a bearer token from POST /api/v1/auth/token, or an API key in X-Api-Key";
                case 403 -> "Your role may not do this";
                case 404 -> "There is nothing at " + uri.getRequestUri().getPath();
                case 405 -> "This resource does not answer to that method";
                case 406 -> "This resource answers application/json only";
                case 415 -> "Send the body as application/json";
                default -> safe(e.getMessage());
            };
            Response.ResponseBuilder answer = Response.status(code).type(Problem.PROBLEM_JSON)
                    .entity(Problem.of(status, kindOf(code), detail, uri.getRequestUri().getPath()));
            if (e instanceof NotAllowedException) {
                answer.allow(original.getAllowedMethods());
            }
            if (e instanceof NotAuthorizedException || code == 401) {
                answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"amends\"");
            }
            String retryAfter = original.getHeaderString(HttpHeaders.RETRY_AFTER);
            if (retryAfter != null) {
                answer.header(HttpHeaders.RETRY_AFTER, retryAfter);
            }
            return answer.build();
        }

        private static String kindOf(int code) {
            return switch (code) {
                case 400 -> "invalid";
                case 401 -> "unauthenticated";
                case 403 -> "forbidden";
                case 404 -> "not-found";
                case 405 -> "method-not-allowed";
                case 406 -> "not-acceptable";
                case 409 -> "conflict";
                case 415 -> "unsupported-media-type";
                case 422 -> "unprocessable";
                case 429 -> "too-many-requests";
                default -> "http-" + code;
            };
        }
    }

    /** EJB-wrapped exceptions (a system exception from a boundary) and everything else. */
    @Provider
    public static class Everything implements ExceptionMapper<Exception> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(Exception e) {
            if (e instanceof EJBException && e.getCause() == null && ((EJBException) e).getCausedByException() != null) {
                return unwrap(((EJBException) e).getCausedByException(), uri.getRequestUri().getPath());
            }
            return unwrap(e, uri.getRequestUri().getPath());
        }
    }

    /** Optimistic locking, surfaced directly (outside an EJB). */
    @Provider
    public static class LostUpdate implements ExceptionMapper<OptimisticLockException> {
        @Context
        UriInfo uri;

        @Override
        public Response toResponse(OptimisticLockException e) {
            return unwrap(e, uri.getRequestUri().getPath());
        }
    }
}
