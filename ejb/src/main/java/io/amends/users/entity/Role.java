package io.amends.users.entity;

/**
 * What a caller may do. People have the first four; systems authenticate with an API key of one of the others.
 */
public enum Role {
    ACCOUNT_MANAGER,
    FINANCE,
    CLIENT,
    ADMIN,
    /** A helpdesk posting tickets into intake. */
    HELPDESK,
    /** A storefront validating and redeeming discount codes. */
    STOREFRONT;

    public boolean isPerson() {
        return switch (this) {
            case ACCOUNT_MANAGER, FINANCE, CLIENT, ADMIN -> true;
            case HELPDESK, STOREFRONT -> false;
        };
    }

    public boolean isStaff() {
        return switch (this) {
            case ACCOUNT_MANAGER, FINANCE, ADMIN -> true;
            case CLIENT, HELPDESK, STOREFRONT -> false;
        };
    }
}
