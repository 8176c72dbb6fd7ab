package io.amends.accounts.entity;

/** Where a lifetime value came from, kept with every change so a past decision can be explained. */
public enum LtvSource {
    CRM_API, CSV_IMPORT, MANUAL, DEMO
}
