package io.amends.intake.entity;

/** A ticket in triage waits ({@code PENDING}) until an account manager assigns it to an account ({@code ASSIGNED}). */
public enum TriageStatus {
    PENDING, ASSIGNED
}
