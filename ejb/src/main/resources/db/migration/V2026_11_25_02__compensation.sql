-- Compensation proposals against lifetime value, their approvals, and the policy settings (one row, edited by an administrator).

CREATE SEQUENCE proposal_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE approval_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE compensation_proposal (
    id                   BIGINT PRIMARY KEY,
    case_id              BIGINT        NOT NULL REFERENCES apology_case (id),
    account_id           BIGINT        NOT NULL REFERENCES customer_account (id),
    contact_id           BIGINT        NOT NULL REFERENCES contact (id),
    kind                 VARCHAR(20)   NOT NULL,
    catalog_item_id      BIGINT,
    description          VARCHAR(200)  NOT NULL,
    card_message         VARCHAR(2000),
    discount_type        VARCHAR(10),
    discount_value       BIGINT,
    discount_expires_at  TIMESTAMP WITH TIME ZONE,
    cost_minor           BIGINT        NOT NULL,
    currency             CHAR(3)       NOT NULL,
    verdict              VARCHAR(20)   NOT NULL,
    explanation          VARCHAR(8000) NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    counts_against_caps  BOOLEAN       NOT NULL,
    approvals_needed     INTEGER       NOT NULL,
    proposed_by          VARCHAR(80)   NOT NULL,
    proposed_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_at           TIMESTAMP WITH TIME ZONE,
    fulfillment_ref      VARCHAR(120),
    fulfillment_status   VARCHAR(20),
    version              BIGINT        NOT NULL
);
CREATE INDEX proposal_case_ix ON compensation_proposal (case_id);
CREATE INDEX proposal_account_spend_ix ON compensation_proposal (account_id, counts_against_caps, proposed_at);
CREATE INDEX proposal_queue_ix ON compensation_proposal (status, proposed_at);

CREATE TABLE approval (
    id           BIGINT PRIMARY KEY,
    proposal_id  BIGINT        NOT NULL REFERENCES compensation_proposal (id),
    approver     VARCHAR(80)   NOT NULL,
    decision     VARCHAR(10)   NOT NULL,
    comment      VARCHAR(2000),
    decided_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT approval_once_per_person_uq UNIQUE (proposal_id, approver)
);

CREATE TABLE policy_settings (
    id                          INTEGER PRIMARY KEY,
    case_cap_bp                 BIGINT  NOT NULL,
    rolling_cap_bp              BIGINT  NOT NULL,
    floor_minor                 BIGINT  NOT NULL,
    auto_approval_limit_minor   BIGINT  NOT NULL,
    finance_limit_minor         BIGINT  NOT NULL,
    absolute_ceiling_minor      BIGINT  NOT NULL,
    severity_low_bp             BIGINT  NOT NULL,
    severity_medium_bp          BIGINT  NOT NULL,
    severity_high_bp            BIGINT  NOT NULL,
    severity_critical_bp        BIGINT  NOT NULL,
    recurrence_step_bp          BIGINT  NOT NULL,
    recurrence_max_bp           BIGINT  NOT NULL,
    updated_by                  VARCHAR(80) NOT NULL,
    updated_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    version                     BIGINT  NOT NULL
);
