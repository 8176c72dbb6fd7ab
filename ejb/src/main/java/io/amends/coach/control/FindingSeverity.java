package io.amends.coach.control;

/**
 * How much a coach finding matters, from a hint to a reason not to send the letter at all.
 */
public enum FindingSeverity {

    /** Worth a second look; often fine in context. */
    INFO,

    /** Weakens the apology; the writer should usually rephrase. */
    WARNING,

    /** Turns the letter into a non-apology; the caller must not send it as is. */
    BLOCKING
}
