package io.amends.sla.entity;

/** A deadline is running until it is met, breached (and escalated once), or cancelled because it no longer applies. */
public enum ClockState {
    RUNNING, MET, BREACHED, CANCELLED
}
