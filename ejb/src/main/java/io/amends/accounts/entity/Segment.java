package io.amends.accounts.entity;

/** Whether the customer is a company (follows its cases in the portal) or a consumer. */
public enum Segment {
    B2B, B2C
}
