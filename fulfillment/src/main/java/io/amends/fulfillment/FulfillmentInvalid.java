package io.amends.fulfillment;

/** Thrown when a request is well-formed but makes no sense (a card without a message, flowers to a country the item does not reach). Answers 400. */
public class FulfillmentInvalid extends FulfillmentException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public FulfillmentInvalid(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field at fault, or null. */
    public String field() {
        return field;
    }

    @Override
    public String kind() {
        return "invalid";
    }
}
