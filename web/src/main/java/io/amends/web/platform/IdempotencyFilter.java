package io.amends.web.platform;

import io.amends.platform.boundary.IdempotentRequests;
import jakarta.annotation.Priority;
import jakarta.ejb.EJB;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
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
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Makes {@link Idempotent} endpoints safe to retry. A request with an {@code Idempotency-Key} runs in one transaction
 * opened here: the key's claim, the work the boundaries do (they join it) and the stored answer commit together or
 * not at all. A retry gets the first answer; the same key with a different body is refused (422). Runs after
 * authentication and access rules, so keys are per signed-in caller.
 */
@Provider
@Idempotent
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());
    private static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    private static final Jsonb JSONB = JsonbBuilder.create();

    @EJB
    IdempotentRequests requests;

    private record Claim(String caller, String key, UserTransaction transaction) {
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
        String methodPath = request.getMethod() + " " + path;
        String bodyHash = sha256(body);
        UserTransaction transaction = userTransaction();
        Optional<IdempotentRequests.Answer> stored;
        try {
            transaction.begin();
            stored = requests.claim(caller, key, methodPath, bodyHash);
        } catch (Exception lostRace) {
            // another request with this key committed its claim first: read what it answered
            rollback(transaction);
            stored = requests.stored(caller, key);
            if (stored.isEmpty()) {
                request.abortWith(Problem.of(Response.Status.CONFLICT, "idempotency-key-in-progress",
                        "A request with this Idempotency-Key is being processed; retry in a moment", path).toResponse());
                return;
            }
        }
        if (stored.isPresent()) {
            rollback(transaction);
            IdempotentRequests.Answer answer = stored.get();
            if (!answer.methodPath().equals(methodPath) || !answer.bodyHash().equals(bodyHash)) {
                request.abortWith(Problem.of(new UnprocessableStatus(), "idempotency-key-reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new request", path).toResponse());
                return;
            }
            Response.ResponseBuilder replay = Response.status(answer.status()).entity(answer.body()).header("Idempotent-Replayed", "true");
            if (answer.contentType() != null) {
                replay.type(answer.contentType());
            }
            if (answer.location() != null) {
                replay.header(HttpHeaders.LOCATION, answer.location());
            }
            request.abortWith(replay.build());
            return;
        }
        request.setProperty(CLAIM, new Claim(caller, key, transaction));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Claim claim)) {
            return;
        }
        UserTransaction transaction = claim.transaction();
        try {
            if (response.getStatus() >= 400 || transaction.getStatus() != Status.STATUS_ACTIVE) {
                // a refusal changes nothing and a retry gets the same refusal: keep no claim
                rollback(transaction);
                return;
            }
            Object entity = response.getEntity();
            String body = entity == null ? null : entity instanceof String s ? s : JSONB.toJson(entity);
            requests.answer(claim.caller(), claim.key(), response.getStatus(),
                    response.getMediaType() == null ? null : response.getMediaType().toString(),
                    response.getHeaderString(HttpHeaders.LOCATION), body);
            transaction.commit();
        } catch (Exception e) {
            rollback(transaction);
            LOG.log(Level.WARNING, "An idempotent request could not be committed", e);
            Problem problem = Problem.of(Response.Status.CONFLICT, "not-committed",
                    "The request could not be completed and nothing was changed; retry with the same Idempotency-Key",
                    request.getUriInfo().getRequestUri().getPath());
            response.setStatus(409);
            response.setEntity(problem, null, Problem.PROBLEM_JSON);
        }
    }

    private static UserTransaction userTransaction() {
        try {
            return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        } catch (NamingException e) {
            throw new IllegalStateException("No UserTransaction", e);
        }
    }

    private static void rollback(UserTransaction transaction) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Rollback of an idempotent request", e);
        }
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
