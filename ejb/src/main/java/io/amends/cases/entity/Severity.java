package io.amends.cases.entity;

/**
 * How badly the customer was let down. Drives the SLA deadlines and the compensation policy's multiplier.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
