package io.amends.web.security;

import io.amends.web.platform.Problem;
import jakarta.annotation.Priority;
import io.amends.users.entity.Role;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * Who may call which REST endpoint: closed by default, opened per role with {@link Allow} or to everybody with {@link Anyone}.
 *
 * <p>An endpoint without any of the annotations answers 403 to everybody, so a resource that forgets to say who may
 * use it is safe and visible at once (the authorization matrix test lists every endpoint through {@link #ruleOf}).
 * Anonymous callers get 401 where a role is required, signed-in callers without the role get 403.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AccessRules implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(AccessRules.class.getName());

    /** Each endpoint's rule, read from its annotations once: reflection on every request cost more than the check. */
    private static final Map<Method, Rule> RULES = new ConcurrentHashMap<>();

    @Context
    ResourceInfo resource;

    /** What an endpoint's annotations say: open to all, to some roles, or to nobody. */
    public record Rule(boolean open, String[] roles) {
        public static final Rule CLOSED = new Rule(false, new String[0]);
    }

    public static Rule ruleOf(Method method) {
        return annotated(method).or(() -> annotated(method.getDeclaringClass())).orElse(Rule.CLOSED);
    }

    private static Optional<Rule> annotated(AnnotatedElement element) {
        if (element.isAnnotationPresent(Anyone.class)) {
            return Optional.of(new Rule(true, new String[0]));
        }
        Allow allow = element.getAnnotation(Allow.class);
        return allow == null ? Optional.empty()
                : Optional.of(new Rule(false, Arrays.stream(allow.value()).map(Role::name).toArray(String[]::new)));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // no resource matched: JAX-RS answers 404/405 itself
        }
        Rule rule = RULES.computeIfAbsent(method, AccessRules::ruleOf);
        if (rule.open()) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (rule.roles().length == 0) {
            LOG.warning(() -> "Endpoint without an access rule refused: " + method);
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "forbidden", "This endpoint is closed", path(request)).toResponse());
            return;
        }
        if (security.getUserPrincipal() == null) {
            request.abortWith(Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "unauthenticated",
                            "Sign in first: send a bearer token from POST /api/v1/auth/token, or an API key in X-Api-Key",
                            path(request)).toResponse())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"amends\"").build());
            return;
        }
        if (!inAnyRole(security, rule.roles())) {
            request.abortWith(Problem.of(Response.Status.FORBIDDEN, "forbidden",
                    "Your role may not do this; it needs one of " + String.join(", ", rule.roles()), path(request)).toResponse());
        }
    }

    private static boolean inAnyRole(SecurityContext security, String[] roles) {
        for (String role : roles) {
            if (security.isUserInRole(role)) {
                return true;
            }
        }
        return false;
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getPath();
    }
}
