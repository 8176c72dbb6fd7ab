package io.amends.fulfillment;

/** Thrown when an order, a catalog item or a code asked for by id does not exist. Answers 404. */
public class FulfillmentNotFound extends FulfillmentException {

    private static final long serialVersionUID = 1L;

    public FulfillmentNotFound(String what, Object id) {
        super(what + " " + id + " was not found");
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
