package io.amends.web.portal;

import io.amends.accounts.boundary.Accounts;
import io.amends.portal.boundary.ClientCases;
import io.amends.users.boundary.Users;
import io.amends.users.entity.AppUser;
import io.amends.users.entity.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** The portal's home: the client's cases and gifts, and who is signed in (for the portal's header). */
@Named
@RequestScoped
public class PortalBacking {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    ClientCases clientCases;

    @Inject
    Accounts accounts;

    @Inject
    Users users;

    @Inject
    Caller caller;

    private List<ClientCases.CaseSummary> cases;
    private List<ClientCases.Gift> gifts;

    public List<ClientCases.CaseSummary> getCases() {
        if (cases == null) {
            cases = clientCases.list(caller);
        }
        return cases;
    }

    public List<ClientCases.Gift> getGifts() {
        if (gifts == null) {
            gifts = clientCases.gifts(caller);
        }
        return gifts;
    }

    public long getAwaitingConfirmation() {
        return getCases().stream().filter(ClientCases.CaseSummary::awaitingYourConfirmation).count();
    }

    public String getUserName() {
        return users.findByUsername(caller.username()).map(AppUser::getDisplayName).orElse(caller.username());
    }

    public String getAccountName() {
        return caller.accountId() == null ? "" : accounts.find(caller, caller.accountId()).map(a -> a.getName()).orElse("");
    }

    public String day(Instant at) {
        return at == null ? "" : DAY.format(at);
    }

    public String moment(Instant at) {
        return at == null ? "" : MOMENT.format(at);
    }
}
