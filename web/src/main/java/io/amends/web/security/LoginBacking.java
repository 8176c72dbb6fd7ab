package io.amends.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The sign-in page: hands the credentials to the authentication mechanism and sends the user where they were going. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    ExternalContext external;

    private String username;
    private String password;
    private String next;

    public void login() throws IOException {
        AuthenticationStatus status = security.authenticate(
                (HttpServletRequest) external.getRequest(), (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            faces.responseComplete();
            external.redirect(external.getRequestContextPath() + safeNext());
        } else if (status != AuthenticationStatus.SEND_CONTINUE) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Wrong user name or password, or the account is locked for a while after repeated failures.", null));
        }
    }

    /** Only a path inside this application: an absolute URL in {@code next} would make the login page an open redirect. */
    String safeNext() {
        if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.contains("\r")
                && !next.contains("\n") && !next.startsWith("/login.xhtml")) {
            return next;
        }
        return homePath();
    }

    String homePath() {
        if (security.isCallerInRole("CLIENT")) {
            return "/portal/index.xhtml";
        }
        if (security.isCallerInRole("ACCOUNT_MANAGER")) {
            return "/staff/index.xhtml";
        }
        if (security.isCallerInRole("FINANCE")) {
            return "/finance/queue.xhtml";
        }
        if (security.isCallerInRole("ADMIN")) {
            return "/admin/index.xhtml";
        }
        return "/staff/index.xhtml";
    }

    /** The welcome page: sends a signed-in user to their home and everyone else to sign in. */
    public String home() throws IOException {
        if (security.getCallerPrincipal() == null) {
            external.redirect(external.getRequestContextPath() + AmendsAuthentication.LOGIN_PAGE);
        } else {
            external.redirect(external.getRequestContextPath() + homePath());
        }
        return null;
    }

    public void logout() throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + AmendsAuthentication.LOGIN_PAGE);
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
