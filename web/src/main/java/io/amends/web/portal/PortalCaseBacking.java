package io.amends.web.portal;

import io.amends.cases.boundary.Cases;
import io.amends.cases.boundary.Messages;
import io.amends.cases.boundary.Ratings;
import io.amends.cases.entity.CaseStatus;
import io.amends.platform.entity.BusinessException;
import io.amends.platform.entity.NotFound;
import io.amends.portal.boundary.ClientCases;
import io.amends.users.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One case in the portal, and what the customer can say about it: a message, "resolved" or "not resolved, because",
 * and a rating. Another account's case answers 404, like one that does not exist ({@link ClientCases} decides).
 */
@Named
@RequestScoped
public class PortalCaseBacking {

    @Inject
    ClientCases clientCases;

    @Inject
    Cases cases;

    @Inject
    Messages messages;

    @Inject
    Ratings ratings;

    @Inject
    Caller caller;

    @Inject
    FacesContext faces;

    private String id;
    private boolean raised;
    private ClientCases.CaseDetail detail;
    private String message;
    private String reason;
    private Integer score;
    private String comment;

    /** The view action of a GET: loads the case, or answers 404. */
    public void load() {
        if (detail() != null && detail.rating() != null && score == null) {
            score = detail.rating().score();
            comment = detail.rating().comment();
        }
    }

    public ClientCases.CaseDetail getDetail() {
        return detail();
    }

    private ClientCases.CaseDetail detail() {
        if (detail == null && !faces.getResponseComplete()) {
            try {
                detail = clientCases.detail(caller, caseId());
            } catch (NotFound e) {
                notFound();
            }
        }
        return detail;
    }

    /** The case id: the view parameter on a GET; on a postback, the form's hidden field (read before the model is updated). */
    private long caseId() {
        if (id == null) {
            id = faces.getExternalContext().getRequestParameterMap().get("id");
        }
        try {
            return Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw new NotFound("Case", id);
        }
    }

    private void notFound() {
        try {
            faces.getExternalContext().responseSendError(404, "There is no such case");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        faces.responseComplete();
    }

    public String sendMessage() {
        return act(() -> messages.post(caller, caseId(), message == null ? "" : message), "Your message is with your account manager.");
    }

    public String confirmResolved() {
        return act(() -> cases.answerResolution(caller, caseId(), -1, true, null), "Thank you for confirming. We have closed the case.");
    }

    public String notResolved() {
        return act(() -> cases.answerResolution(caller, caseId(), -1, false, reason),
                "Thank you for telling us. We have reopened the case and are on it again.");
    }

    public String rate() {
        return act(() -> ratings.rate(caller, caseId(), score == null ? 0 : score, comment), "Thank you for your rating.");
    }

    private String act(Runnable action, String thanks) {
        try {
            action.run();
        } catch (NotFound e) {
            notFound();
            return null;
        } catch (BusinessException e) {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        } catch (jakarta.ejb.EJBException e) {
            if (e.getCause() instanceof jakarta.validation.ConstraintViolationException violation) {
                violation.getConstraintViolations().forEach(v -> faces.addMessage(null,
                        new FacesMessage(FacesMessage.SEVERITY_ERROR, v.getMessage(), null)));
                return null;
            }
            throw e;
        }
        faces.getExternalContext().getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, thanks, null));
        return "/portal/case.xhtml?faces-redirect=true&id=" + caseId();
    }

    public boolean isRatable() {
        return detail() != null && (detail.status() == CaseStatus.RESOLVED || detail.status() == CaseStatus.CLOSED);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public boolean isRaised() {
        return raised;
    }

    public void setRaised(boolean raised) {
        this.raised = raised;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Integer getScore() {
        return score;
    }

    public void setScore(Integer score) {
        this.score = score;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}
