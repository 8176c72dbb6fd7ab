package io.amends.web.security;

import io.amends.users.entity.Caller;
import jakarta.security.enterprise.CallerPrincipal;

/** The signed-in caller as the container sees it, carrying the {@link Caller} the boundaries need. */
public class AmendsPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;
    private final Caller caller;

    public AmendsPrincipal(Caller caller) {
        super(caller.username());
        this.caller = caller;
    }

    public Caller caller() {
        return caller;
    }
}
