package io.amends.accounts.entity;

import io.amends.platform.entity.BusinessException;

/** Thrown when an import file is larger than one import takes (rows or bytes); the REST layer answers 413. */
public class ImportTooLarge extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ImportTooLarge(String message) {
        super(message);
    }

    @Override
    public String kind() {
        return "too-large";
    }
}
