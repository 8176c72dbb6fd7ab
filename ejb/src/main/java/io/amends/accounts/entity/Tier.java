package io.amends.accounts.entity;

/**
 * A customer's value band, derived from the lifetime value by thresholds an administrator sets (never typed in).
 * Higher tiers get sooner SLA deadlines.
 */
public enum Tier {
    PLATINUM, GOLD, SILVER, BRONZE
}
