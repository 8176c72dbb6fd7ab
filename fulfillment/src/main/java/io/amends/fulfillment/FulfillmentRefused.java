package io.amends.fulfillment;

/** Thrown when an action conflicts with the current state: cancelling a shipped order, reusing an idempotency key. Answers 409. */
public class FulfillmentRefused extends FulfillmentException {

    private static final long serialVersionUID = 1L;
    private final String kind;

    public FulfillmentRefused(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }
}
