package io.amends.platform.entity;

/** Thrown when something asked for by id does not exist, or is not visible to the caller (the same answer on purpose). */
public class NotFound extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFound(String what, Object id) {
        super(what + " " + id + " was not found");
    }

    @Override
    public String kind() {
        return "not-found";
    }
}
