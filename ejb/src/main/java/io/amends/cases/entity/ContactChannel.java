package io.amends.cases.entity;

/** How we reached the customer: the practice says pick up the phone first, then confirm by email. */
public enum ContactChannel {
    CALL, MEETING, EMAIL
}
