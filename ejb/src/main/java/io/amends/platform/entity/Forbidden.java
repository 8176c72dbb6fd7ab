package io.amends.platform.entity;

/** Thrown when the caller is known but may not do this (four eyes, a client acting outside their account). Answers 403. */
public class Forbidden extends BusinessException {

    private static final long serialVersionUID = 1L;

    public Forbidden(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "forbidden";
    }
}
