package io.amends.accounts.boundary;

import io.amends.accounts.entity.CustomerAccount;
import io.amends.accounts.entity.Tier;

/**
 * An account with what is shown beside it: its manager's user name and its tier now. For a client caller the tier
 * is null, since a client never learns what they are worth to us.
 */
public record AccountOverview(CustomerAccount account, String managerUsername, Tier tier) {
}
