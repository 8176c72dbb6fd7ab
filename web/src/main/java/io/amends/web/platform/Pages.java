package io.amends.web.platform;

import io.amends.fulfillment.FulfillmentException;
import io.amends.fulfillment.FulfillmentInvalid;
import io.amends.platform.entity.BusinessException;
import io.amends.platform.entity.Invalid;
import io.amends.platform.entity.NotFound;
import io.amends.users.entity.Caller;
import io.amends.users.entity.Role;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What every backing bean does the same way: texts from the bundle, messages for the user, a boundary's refusal
 * shown next to the field it names, redirects, and the role check a page's actions need.
 */
public final class Pages {

    /** The pages' texts: {@code #{msg['key']}} in a page, {@link #text} in a bean. */
    public static final String BUNDLE = "io.amends.web.messages";

    private Pages() {
    }

    public static String text(String key, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, Locale.ENGLISH).getString(key);
        } catch (MissingResourceException e) {
            pattern = key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(args);
    }

    public static void info(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_INFO, text(key, args));
    }

    public static void warn(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_WARN, text(key, args));
    }

    public static void error(String key, Object... args) {
        add(null, FacesMessage.SEVERITY_ERROR, text(key, args));
    }

    /** An error next to one field of a form, by the field's client id. */
    public static void fieldError(String clientId, String key, Object... args) {
        add(clientId, FacesMessage.SEVERITY_ERROR, text(key, args));
        FacesContext.getCurrentInstance().validationFailed();
    }

    /**
     * Shows why a boundary refused: an {@link Invalid} (or fulfillment's {@link FulfillmentInvalid}) naming a field goes
     * next to {@code formId:field} when the form has such a field, anything else to the page's messages. Errors that
     * are not the user's are rethrown.
     */
    public static void refused(RuntimeException thrown, String formId) {
        Throwable cause = unwrap(thrown);
        FacesContext faces = FacesContext.getCurrentInstance();
        faces.validationFailed();
        String invalidField = cause instanceof Invalid invalid ? invalid.field()
                : cause instanceof FulfillmentInvalid invalid ? invalid.field() : null;
        if (invalidField != null && formId != null) {
            UIComponent field = faces.getViewRoot().findComponent(formId + ":" + invalidField);
            if (field != null) {
                add(field.getClientId(faces), FacesMessage.SEVERITY_ERROR, cause.getMessage());
                return;
            }
        }
        if (cause instanceof BusinessException || cause instanceof FulfillmentException) {
            add(null, FacesMessage.SEVERITY_ERROR, cause.getMessage());
        } else if (cause instanceof OptimisticLockException) {
            add(null, FacesMessage.SEVERITY_ERROR, text("error.conflict"));
        } else if (cause instanceof ConstraintViolationException violations) {
            for (ConstraintViolation<?> v : violations.getConstraintViolations()) {
                String path = v.getPropertyPath().toString();
                String leaf = path.substring(path.lastIndexOf('.') + 1);
                UIComponent field = formId == null ? null : faces.getViewRoot().findComponent(formId + ":" + leaf);
                add(field == null ? null : field.getClientId(faces), FacesMessage.SEVERITY_ERROR,
                        field == null ? leaf + ": " + v.getMessage() : v.getMessage());
            }
        } else {
            throw thrown;
        }
    }

    /** The message of a boundary's refusal, to show in place (not as a page message); other errors are rethrown. */
    public static String problem(RuntimeException thrown) {
        Throwable cause = unwrap(thrown);
        if (cause instanceof BusinessException business) {
            return business.getMessage();
        }
        if (cause instanceof ConstraintViolationException violations) {
            return violations.getConstraintViolations().stream().map(v -> {
                String path = v.getPropertyPath().toString();
                return path.substring(path.lastIndexOf('.') + 1) + ": " + v.getMessage();
            }).sorted().collect(java.util.stream.Collectors.joining("; "));
        }
        throw thrown;
    }

    /** True when the boundary said "not found" (or "not yours", which is the same answer). */
    public static boolean isNotFound(RuntimeException thrown) {
        return unwrap(thrown) instanceof NotFound;
    }

    static Throwable unwrap(Throwable thrown) {
        Throwable cause = thrown;
        while ((cause instanceof EJBException || cause instanceof jakarta.faces.FacesException
                || cause instanceof jakarta.el.ELException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Redirects after a change (post-redirect-get), keeping the messages for the next page. */
    public static void redirect(String path) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(external.getRequestContextPath() + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FacesContext.getCurrentInstance().responseComplete();
    }

    /** Answers with an HTTP error page instead of the view: 404 for a record that is not there, 403 for a role. */
    public static void sendError(int status) {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            faces.getExternalContext().responseSendError(status, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    /** Whether the caller works cases (account managers and administrators); finance reads them only. */
    public static boolean worksCases(Caller caller) {
        return caller.has(Role.ACCOUNT_MANAGER) || caller.has(Role.ADMIN);
    }

    /** Refuses the page with 403 unless the caller works cases; answers whether the page may go on. */
    public static boolean requireCaseWorker(Caller caller) {
        if (!worksCases(caller)) {
            sendError(403);
            return false;
        }
        return true;
    }

    private static void add(String clientId, FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(clientId, new FacesMessage(severity, text, null));
    }
}
