package io.amends.web.platform;

import io.amends.platform.boundary.IdempotentRequests;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;

/**
 * Makes {@link Idempotent} endpoints safe to retry: claims the caller's {@code Idempotency-Key} before the work,
 * replays the stored answer on a retry, refuses a reused key with a different body (422), and stores the answer.
 * Runs after authentication and access rules, so keys are per signed-in caller.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    IdempotentRequests requests;

    private record Claim(String caller, String key) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null) {
            return;
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        if (key.isBlank() || key.length() > 100) {
            request.abortWith(Problem.invalid("The Idempotency-Key header holds 1 to 100 characters", path, null).toResponse());
            return;
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        String caller = principal == null ? "anonymous" : principal.getName();
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        IdempotentRequests.Outcome outcome = requests.begin(caller, key, request.getMethod() + " " + path, sha256(body));
        if (outcome instanceof IdempotentRequests.Replay replay) {
            Response.ResponseBuilder answer = Response.status(replay.status()).entity(replay.body()).header("Idempotent-Replayed", "true");
            if (replay.contentType() != null) {
                answer.type(replay.contentType());
            }
            if (replay.location() != null) {
                answer.header(HttpHeaders.LOCATION, replay.location());
            }
            request.abortWith(answer.build());
        } else if (outcome instanceof IdempotentRequests.Mismatch) {
            request.abortWith(Problem.of(new UnprocessableStatus(), "idempotency-key-reused",
                    "This Idempotency-Key was used for a different request; use a new key for a new request", path).toResponse());
        } else if (outcome instanceof IdempotentRequests.InProgress) {
            request.abortWith(Problem.of(Response.Status.CONFLICT, "idempotency-key-in-progress",
                    "A request with this Idempotency-Key is still being processed; retry in a moment", path).toResponse());
        } else {
            request.setProperty(CLAIM, new Claim(caller, key));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        Object entity = response.getEntity();
        String body = entity == null ? null : entity instanceof String s ? s : JSONB.toJson(entity);
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        requests.complete(claim.caller(), claim.key(), response.getStatus(),
                response.getMediaType() == null ? null : response.getMediaType().toString(), location, body);
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 422, which {@link Response.Status} lacks in JAX-RS 3.1. */
    private static final class UnprocessableStatus implements Response.StatusType {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    }
}
