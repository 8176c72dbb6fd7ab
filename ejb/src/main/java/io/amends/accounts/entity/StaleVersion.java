package io.amends.accounts.entity;

import io.amends.platform.entity.BusinessException;

/** Thrown when a change is based on a version of an account or contact that someone else has changed since. Answers 409. */
public class StaleVersion extends BusinessException {

    private static final long serialVersionUID = 1L;

    public StaleVersion(String what, long current, long sent) {
        super("The " + what + " was changed by someone else meanwhile (it is at version " + current + ", you sent " + sent
                + "); reload it and apply your change again");
    }

    @Override
    public String kind() {
        return "concurrent-update";
    }
}
