package io.amends.cases.entity;

/** How the complaint reached us. */
public enum Channel {
    PHONE, EMAIL, PORTAL, HELPDESK, API
}
