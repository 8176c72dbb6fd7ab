package io.amends.platform.entity;

/** Thrown when an action conflicts with the current state: a refused transition, a guard, a duplicate. Answers 409. */
public class Refused extends BusinessException {

    private static final long serialVersionUID = 1L;
    private final String kind;

    public Refused(String kind, String message) {
        super(message);
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }
}
