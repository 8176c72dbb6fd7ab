package io.amends.platform.entity;

/** Thrown when input is well-formed but makes no sense for the business (an unknown currency, a date in the past). Answers 400. */
public class Invalid extends BusinessException {

    private static final long serialVersionUID = 1L;
    private final String field;

    public Invalid(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    @Override
    public String kind() {
        return "invalid";
    }
}
