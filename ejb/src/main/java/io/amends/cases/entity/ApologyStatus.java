package io.amends.cases.entity;

/** A letter is a draft until it is sent; a sent letter is never edited (write a new one). */
public enum ApologyStatus {
    DRAFT, SENT
}
