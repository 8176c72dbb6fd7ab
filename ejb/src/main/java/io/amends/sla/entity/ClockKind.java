package io.amends.sla.entity;

/** What a deadline is for. */
public enum ClockKind {
    FIRST_CONTACT, RESOLUTION, COMMITMENT
}
