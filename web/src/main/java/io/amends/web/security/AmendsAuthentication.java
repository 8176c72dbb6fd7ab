package io.amends.web.security;

import io.amends.users.boundary.ApiKeys;
import io.amends.users.boundary.Users;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one way callers prove who they are, for pages and API alike (Jakarta Security allows one mechanism per application).
 *
 * <ul>
 *   <li>REST API ({@code /api/...}): a bearer token from {@code POST /api/v1/auth/token}, or an API key in
 *   {@code X-Api-Key} for systems. The HTTP session is never consulted there, so a browser's cookie cannot be used
 *   for cross-site requests against the API.</li>
 *   <li>Pages: form sign-in ({@code /login.xhtml} calls {@code SecurityContext.authenticate}); the identity is then
 *   kept in the HTTP session, so the slow password hash is paid once per sign-in.</li>
 * </ul>
 * A protected page without a signed-in user redirects to the login page; the container then enforces the roles of
 * {@code web.xml}. A bad token or key answers 401 at once, rather than silently treating the caller as anonymous.
 */
@ApplicationScoped
public class AmendsAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_CALLER = "amends.caller";
    public static final String API_KEY_HEADER = "X-Api-Key";
    public static final String LOGIN_PAGE = "/login.xhtml";

    @EJB
    Users users;

    @EJB
    ApiKeys apiKeys;

    @Inject
    TokenKeys tokenKeys;

    @Inject
    Throttle throttle;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        if (context.isAuthenticationRequest() && context.getAuthParameters().getCredential() != null) {
            return signIn(request, context);
        }
        if (isApi(request)) {
            return api(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof Caller caller) {
            return login(context, caller);
        }
        if (context.isProtected()) {
            return redirectToLogin(request, context);
        }
        return context.doNothing();
    }

    private AuthenticationStatus signIn(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return context.responseUnauthorized();
        }
        if (throttle.signIn(request.getRemoteAddr(), password.getCaller()) > 0) {
            return context.responseUnauthorized();
        }
        Optional<Caller> caller = users.authenticate(password.getCaller(), password.getPasswordAsString());
        if (caller.isEmpty()) {
            return context.responseUnauthorized();
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            request.changeSessionId(); // no session fixation
        }
        request.getSession(true).setAttribute(SESSION_CALLER, caller.get());
        return login(context, caller.get());
    }

    private AuthenticationStatus api(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String authorization = request.getHeader("Authorization");
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return tokenKeys.verify(authorization.substring(7).trim())
                    .map(c -> login(context, c))
                    .orElseGet(() -> refuse(request, response, "The bearer token is invalid or expired; get a new one from POST /api/v1/auth/token"));
        }
        if (apiKey != null) {
            return apiKeys.verify(apiKey.trim())
                    .map(c -> login(context, c))
                    .orElseGet(() -> refuse(request, response, "The API key is unknown or revoked"));
        }
        return context.doNothing();
    }

    private static AuthenticationStatus login(HttpMessageContext context, Caller caller) {
        Set<String> groups = caller.roles().stream().map(Role::name).collect(Collectors.toSet());
        return context.notifyContainerAboutLogin(new AmendsPrincipal(caller), groups);
    }

    private static AuthenticationStatus redirectToLogin(HttpServletRequest request, HttpMessageContext context) {
        String next = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getQueryString() != null) {
            next += "?" + request.getQueryString();
        }
        return context.redirect(request.getContextPath() + LOGIN_PAGE + "?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
    }

    private static AuthenticationStatus refuse(HttpServletRequest request, HttpServletResponse response, String detail) {
        try {
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"amends\", error=\"invalid_token\"");
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"https://amends.io/problems/unauthenticated\",\"title\":\"Unauthorized\","
                    + "\"status\":401,\"detail\":\"" + detail + "\",\"instance\":\"" + jsonEscape(request.getRequestURI()) + "\"}");
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    static String jsonEscape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
