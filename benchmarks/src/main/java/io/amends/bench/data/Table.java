package io.amends.bench.data;

/**
 * The tables the generator writes, in an order that satisfies every foreign key: a batch is loaded table by table in
 * this order, so a parent row is always committed before its children. The columns are those of the Flyway migrations
 * (ejb and fulfillment); {@link #sequence} is the sequence the application draws the table's ids from.
 */
enum Table {
    APP_USER("app_user_seq", "id", "username", "display_name", "email", "password_hash", "account_id", "manager_id", "enabled",
            "failed_logins", "locked_until", "created_at", "version"),
    USER_ROLE(null, "user_id", "role"),
    CUSTOMER_ACCOUNT("account_seq", "id", "name", "segment", "manager_id", "currency", "language", "ltv_minor", "ltv_updated_at",
            "created_at", "version"),
    CONTACT("contact_seq", "id", "account_id", "name", "role_title", "email", "phone", "street", "postal_code", "city", "country",
            "created_at", "version"),
    LTV_CHANGE("ltv_change_seq", "id", "account_id", "ltv_minor", "currency", "source", "effective_at", "recorded_at", "recorded_by"),
    APOLOGY_CASE("case_seq", "id", "case_key", "account_id", "title", "description", "severity", "channel", "root_cause_id",
            "root_cause_note", "owner_id", "external_ref", "status", "opened_at", "first_contact_due", "first_contact_at", "resolution_due",
            "next_due", "resolved_at", "closed_at", "recurrence_of_id", "breached", "version"),
    CASE_CONTACT(null, "case_id", "contact_id"),
    CASE_EVENT("case_event_seq", "id", "case_id", "occurred_at", "actor", "kind", "summary", "visible_to_client"),
    SLA_CLOCK("sla_clock_seq", "id", "case_id", "kind", "commitment_id", "due_at", "state", "settled_at", "escalated_to", "version"),
    CONTACT_LOG("contact_log_seq", "id", "case_id", "contact_id", "channel", "occurred_at", "summary", "customer_asked", "confirmed_back",
            "logged_by", "logged_at"),
    APOLOGY("apology_seq", "id", "case_id", "contact_id", "language", "body", "status", "findings", "override_reason", "overridden_by",
            "created_by", "created_at", "sent_by", "sent_at", "version"),
    COMMITMENT("commitment_seq", "id", "case_id", "description", "owner_id", "due_at", "status", "waive_reason", "settled_at", "created_at",
            "version"),
    COMPENSATION_PROPOSAL("proposal_seq", "id", "case_id", "account_id", "contact_id", "kind", "catalog_item_id", "description",
            "card_message", "discount_type", "discount_value", "discount_expires_at", "cost_minor", "currency", "verdict", "explanation",
            "status", "counts_against_caps", "approvals_needed", "proposed_by", "proposed_at", "decided_at", "fulfillment_ref",
            "fulfillment_status", "version"),
    APPROVAL("approval_seq", "id", "proposal_id", "approver", "decision", "comment", "decided_at"),
    DISCOUNT_CODE("discount_code_seq", "id", "code", "discount_type", "discount_value", "currency", "expires_at", "redemption_limit",
            "redeemed", "reference", "issued_by", "reason", "issued_at", "version"),
    DISCOUNT_REDEMPTION("discount_redemption_seq", "id", "code_id", "storefront", "order_reference", "redemption_number", "redeemed_at"),
    GIFT_ORDER("gift_order_seq", "id", "idempotency_key", "reference", "kind", "catalog_item_id", "vendor", "sku", "recipient_name",
            "recipient_street", "recipient_postal_code", "recipient_city", "recipient_country", "recipient_email", "message", "sender_name",
            "cost_minor", "currency", "discount_code_id", "status", "vendor_order_id", "attempts", "next_attempt_at", "last_error",
            "cancel_requested", "claimed_by", "lease_until", "created_at", "submitted_at", "updated_at", "version"),
    GIFT_ORDER_HISTORY("gift_order_history_seq", "id", "order_id", "from_status", "to_status", "detail", "happened_at"),
    SIMULATED_SHIPMENT("simulated_shipment_seq", "id", "idempotency_key", "sku", "state", "attempts", "lose_callbacks", "fail_delivery",
            "next_step_at", "created_at", "version"),
    AUDIT_ENTRY(null, "seq", "recorded_at", "actor", "actor_role", "action", "case_key", "account_id", "amount_minor", "currency",
            "ltv_minor", "spend_12m_minor", "spend_ratio_bp", "verdict", "details", "prev_hash", "hash");

    final String sequence;
    final String[] columns;

    Table(String sequence, String... columns) {
        this.sequence = sequence;
        this.columns = columns;
    }

    String sqlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    String columnList() {
        return String.join(", ", columns);
    }
}
