package io.amends.cases.boundary;

import io.amends.cases.entity.ApologyCase;
import io.amends.cases.entity.CaseEvent;
import io.amends.cases.entity.CaseStatus;
import io.amends.platform.entity.Refused;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Messages between the customer and the account manager on a case: a line in the timeline that both sides see, and
 * a mail to the other side (the owner hears from the client; the case's contacts hear from staff).
 */
@Stateless
public class Messages {

    @EJB
    Cases cases;

    @EJB
    Users users;

    @Inject
    Event<MessagePosted> posted;

    /** Fired in the posting transaction, so that the mail to the other side commits with the message. */
    public record MessagePosted(long caseId, String author, String authorName, boolean fromClient, String text) {
    }

    /** Adds a message to a case that is not closed (a closed case takes a new complaint instead). */
    public CaseEvent post(@NotNull Caller caller, long caseId, @NotBlank @Size(max = 2000) String text) {
        ApologyCase apologyCase = cases.get(caller, caseId);
        if (apologyCase.getStatus() == CaseStatus.CLOSED) {
            throw new Refused("case-closed", "Case " + apologyCase.getCaseKey() + " is closed; "
                    + (caller.isClient() ? "raise a new complaint if something is still wrong" : "reopen it first"));
        }
        String name = users.findByUsername(caller.username()).map(AppUser::getDisplayName).orElse(caller.username());
        String message = text.strip();
        CaseEvent event = cases.record(apologyCase, caller, caller.isClient() ? "CLIENT_MESSAGE" : "MESSAGE_TO_CLIENT",
                (caller.isClient() ? "Message from " : "Message from your account team, ") + name + ": " + message, true);
        posted.fire(new MessagePosted(caseId, caller.username(), name, caller.isClient(), message));
        return event;
    }
}
