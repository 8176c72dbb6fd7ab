-- Amends foundation: users and keys, customer accounts with LTV history, apology cases with their timeline,
-- SLA clocks, contact log, apologies, commitments, and the audit trail.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 15. Money is BIGINT minor units plus a currency.

CREATE SEQUENCE app_user_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE api_key_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE account_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE contact_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE ltv_change_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE root_cause_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE case_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE case_number_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE case_event_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE sla_clock_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE contact_log_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE apology_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE commitment_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE commitment_note_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE customer_account (
    id              BIGINT PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    segment         VARCHAR(8)   NOT NULL,
    manager_id      BIGINT,
    currency        CHAR(3)      NOT NULL,
    language        VARCHAR(8)   NOT NULL,
    ltv_minor       BIGINT       NOT NULL,
    ltv_updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX customer_account_name_ix ON customer_account (name);
CREATE INDEX customer_account_manager_ix ON customer_account (manager_id);

CREATE TABLE app_user (
    id              BIGINT PRIMARY KEY,
    username        VARCHAR(80)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(320),
    password_hash   VARCHAR(400) NOT NULL,
    account_id      BIGINT REFERENCES customer_account (id),
    manager_id      BIGINT REFERENCES app_user (id),
    enabled         BOOLEAN      NOT NULL,
    failed_logins   INTEGER      NOT NULL,
    locked_until    TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT       NOT NULL,
    CONSTRAINT app_user_username_uq UNIQUE (username)
);
ALTER TABLE customer_account ADD CONSTRAINT customer_account_manager_fk FOREIGN KEY (manager_id) REFERENCES app_user (id);

CREATE TABLE user_role (
    user_id  BIGINT      NOT NULL REFERENCES app_user (id),
    role     VARCHAR(30) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE api_key (
    id            BIGINT PRIMARY KEY,
    name          VARCHAR(120) NOT NULL,
    prefix        VARCHAR(16)  NOT NULL,
    key_hash      CHAR(64)     NOT NULL,
    role          VARCHAR(30)  NOT NULL,
    created_by    VARCHAR(80)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    version       BIGINT       NOT NULL,
    CONSTRAINT api_key_prefix_uq UNIQUE (prefix)
);

-- The key pair that signs bearer tokens; kept in the database so that every node of a cluster verifies every token.
CREATE TABLE signing_key (
    kid          VARCHAR(40)   PRIMARY KEY,
    public_key   VARCHAR(4000) NOT NULL,
    private_key  VARCHAR(8000) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE contact (
    id           BIGINT PRIMARY KEY,
    account_id   BIGINT       NOT NULL REFERENCES customer_account (id),
    name         VARCHAR(200) NOT NULL,
    role_title   VARCHAR(120),
    email        VARCHAR(320),
    phone        VARCHAR(40),
    street       VARCHAR(200),
    postal_code  VARCHAR(20),
    city         VARCHAR(120),
    country      CHAR(2),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX contact_account_ix ON contact (account_id);
CREATE INDEX contact_email_ix ON contact (email);

CREATE TABLE ltv_change (
    id            BIGINT PRIMARY KEY,
    account_id    BIGINT      NOT NULL REFERENCES customer_account (id),
    ltv_minor     BIGINT      NOT NULL,
    currency      CHAR(3)     NOT NULL,
    source        VARCHAR(20) NOT NULL,
    effective_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by   VARCHAR(80) NOT NULL
);
CREATE INDEX ltv_change_account_ix ON ltv_change (account_id, effective_at);

CREATE TABLE ltv_tier (
    tier           VARCHAR(12) PRIMARY KEY,
    min_ltv_minor  BIGINT      NOT NULL,
    rank_order     INTEGER     NOT NULL
);
INSERT INTO ltv_tier (tier, min_ltv_minor, rank_order) VALUES ('PLATINUM', 50000000, 1);
INSERT INTO ltv_tier (tier, min_ltv_minor, rank_order) VALUES ('GOLD', 10000000, 2);
INSERT INTO ltv_tier (tier, min_ltv_minor, rank_order) VALUES ('SILVER', 1000000, 3);
INSERT INTO ltv_tier (tier, min_ltv_minor, rank_order) VALUES ('BRONZE', 0, 4);

CREATE TABLE root_cause (
    id      BIGINT PRIMARY KEY,
    code    VARCHAR(40)  NOT NULL,
    label   VARCHAR(120) NOT NULL,
    active  BOOLEAN      NOT NULL,
    version BIGINT       NOT NULL,
    CONSTRAINT root_cause_code_uq UNIQUE (code)
);
INSERT INTO root_cause (id, code, label, active, version) VALUES (1, 'BILLING', 'Billing error', TRUE, 0);
INSERT INTO root_cause (id, code, label, active, version) VALUES (2, 'LATE_DELIVERY', 'Late delivery', TRUE, 0);
INSERT INTO root_cause (id, code, label, active, version) VALUES (3, 'OUTAGE', 'Service outage', TRUE, 0);
INSERT INTO root_cause (id, code, label, active, version) VALUES (4, 'QUALITY', 'Product quality', TRUE, 0);
INSERT INTO root_cause (id, code, label, active, version) VALUES (5, 'SERVICE', 'Poor service experience', TRUE, 0);
INSERT INTO root_cause (id, code, label, active, version) VALUES (6, 'MISCOMMUNICATION', 'Miscommunication', TRUE, 0);

-- Minutes to first contact and to resolution, by severity and LTV tier: higher value and worse harm, sooner.
CREATE TABLE sla_policy (
    severity               VARCHAR(10) NOT NULL,
    tier                   VARCHAR(12) NOT NULL,
    first_contact_minutes  INTEGER     NOT NULL,
    resolution_minutes     INTEGER     NOT NULL,
    version                BIGINT      NOT NULL,
    PRIMARY KEY (severity, tier)
);
INSERT INTO sla_policy VALUES ('CRITICAL', 'PLATINUM', 30, 1440, 0);
INSERT INTO sla_policy VALUES ('CRITICAL', 'GOLD', 60, 2880, 0);
INSERT INTO sla_policy VALUES ('CRITICAL', 'SILVER', 120, 2880, 0);
INSERT INTO sla_policy VALUES ('CRITICAL', 'BRONZE', 240, 4320, 0);
INSERT INTO sla_policy VALUES ('HIGH', 'PLATINUM', 60, 2880, 0);
INSERT INTO sla_policy VALUES ('HIGH', 'GOLD', 120, 4320, 0);
INSERT INTO sla_policy VALUES ('HIGH', 'SILVER', 240, 5760, 0);
INSERT INTO sla_policy VALUES ('HIGH', 'BRONZE', 480, 7200, 0);
INSERT INTO sla_policy VALUES ('MEDIUM', 'PLATINUM', 240, 5760, 0);
INSERT INTO sla_policy VALUES ('MEDIUM', 'GOLD', 480, 7200, 0);
INSERT INTO sla_policy VALUES ('MEDIUM', 'SILVER', 960, 10080, 0);
INSERT INTO sla_policy VALUES ('MEDIUM', 'BRONZE', 1440, 14400, 0);
INSERT INTO sla_policy VALUES ('LOW', 'PLATINUM', 480, 10080, 0);
INSERT INTO sla_policy VALUES ('LOW', 'GOLD', 960, 14400, 0);
INSERT INTO sla_policy VALUES ('LOW', 'SILVER', 1440, 20160, 0);
INSERT INTO sla_policy VALUES ('LOW', 'BRONZE', 2880, 20160, 0);

CREATE TABLE apology_case (
    id                  BIGINT PRIMARY KEY,
    case_key            VARCHAR(20)   NOT NULL,
    account_id          BIGINT        NOT NULL REFERENCES customer_account (id),
    title               VARCHAR(200)  NOT NULL,
    description         VARCHAR(8000) NOT NULL,
    severity            VARCHAR(10)   NOT NULL,
    channel             VARCHAR(10)   NOT NULL,
    root_cause_id       BIGINT        REFERENCES root_cause (id),
    root_cause_note     VARCHAR(1000),
    owner_id            BIGINT        REFERENCES app_user (id),
    external_ref        VARCHAR(120),
    status              VARCHAR(12)   NOT NULL,
    opened_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    first_contact_due   TIMESTAMP WITH TIME ZONE NOT NULL,
    first_contact_at    TIMESTAMP WITH TIME ZONE,
    resolution_due      TIMESTAMP WITH TIME ZONE NOT NULL,
    next_due            TIMESTAMP WITH TIME ZONE,
    resolved_at         TIMESTAMP WITH TIME ZONE,
    closed_at           TIMESTAMP WITH TIME ZONE,
    recurrence_of_id    BIGINT        REFERENCES apology_case (id),
    breached            BOOLEAN       NOT NULL,
    version             BIGINT        NOT NULL,
    CONSTRAINT apology_case_key_uq UNIQUE (case_key)
);
CREATE INDEX apology_case_owner_due_ix ON apology_case (owner_id, next_due);
CREATE INDEX apology_case_status_due_ix ON apology_case (status, next_due);
CREATE INDEX apology_case_due_ix ON apology_case (next_due);
CREATE INDEX apology_case_account_ix ON apology_case (account_id, opened_at);
CREATE INDEX apology_case_account_cause_ix ON apology_case (account_id, root_cause_id, opened_at);
CREATE INDEX apology_case_external_ix ON apology_case (external_ref);

CREATE TABLE case_contact (
    case_id     BIGINT NOT NULL REFERENCES apology_case (id),
    contact_id  BIGINT NOT NULL REFERENCES contact (id),
    PRIMARY KEY (case_id, contact_id)
);

-- The case's story: every transition and change, in order. visible_to_client marks what the portal may show.
CREATE TABLE case_event (
    id                 BIGINT PRIMARY KEY,
    case_id            BIGINT        NOT NULL REFERENCES apology_case (id),
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    actor              VARCHAR(80)   NOT NULL,
    kind               VARCHAR(30)   NOT NULL,
    summary            VARCHAR(2000) NOT NULL,
    visible_to_client  BOOLEAN       NOT NULL
);
CREATE INDEX case_event_case_ix ON case_event (case_id, occurred_at);

-- Deadlines as rows: a sweep finds the due ones, marks the breach and escalates once, on whichever node gets there first.
CREATE TABLE sla_clock (
    id             BIGINT PRIMARY KEY,
    case_id        BIGINT      NOT NULL REFERENCES apology_case (id),
    kind           VARCHAR(20) NOT NULL,
    commitment_id  BIGINT,
    due_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    state          VARCHAR(10) NOT NULL,
    settled_at     TIMESTAMP WITH TIME ZONE,
    escalated_to   VARCHAR(200),
    version        BIGINT      NOT NULL
);
CREATE INDEX sla_clock_due_ix ON sla_clock (state, due_at);
CREATE INDEX sla_clock_case_ix ON sla_clock (case_id);

CREATE TABLE contact_log (
    id              BIGINT PRIMARY KEY,
    case_id         BIGINT        NOT NULL REFERENCES apology_case (id),
    contact_id      BIGINT        REFERENCES contact (id),
    channel         VARCHAR(10)   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    summary         VARCHAR(4000) NOT NULL,
    customer_asked  VARCHAR(2000),
    confirmed_back  BOOLEAN       NOT NULL,
    logged_by       VARCHAR(80)   NOT NULL,
    logged_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_log_case_ix ON contact_log (case_id, occurred_at);

CREATE TABLE apology (
    id               BIGINT PRIMARY KEY,
    case_id          BIGINT         NOT NULL REFERENCES apology_case (id),
    contact_id       BIGINT         REFERENCES contact (id),
    language         VARCHAR(8)     NOT NULL,
    body             VARCHAR(20000) NOT NULL,
    status           VARCHAR(10)    NOT NULL,
    findings         VARCHAR(8000),
    override_reason  VARCHAR(1000),
    overridden_by    VARCHAR(80),
    created_by       VARCHAR(80)    NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_by          VARCHAR(80),
    sent_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT         NOT NULL
);
CREATE INDEX apology_case_ix ON apology (case_id);

CREATE TABLE commitment (
    id            BIGINT PRIMARY KEY,
    case_id       BIGINT        NOT NULL REFERENCES apology_case (id),
    description   VARCHAR(2000) NOT NULL,
    owner_id      BIGINT        REFERENCES app_user (id),
    due_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    status        VARCHAR(10)   NOT NULL,
    waive_reason  VARCHAR(1000),
    settled_at    TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT        NOT NULL
);
CREATE INDEX commitment_case_ix ON commitment (case_id);

CREATE TABLE commitment_note (
    id                 BIGINT PRIMARY KEY,
    commitment_id      BIGINT        NOT NULL REFERENCES commitment (id),
    written_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    author             VARCHAR(80)   NOT NULL,
    note               VARCHAR(2000) NOT NULL,
    visible_to_client  BOOLEAN       NOT NULL
);
CREATE INDEX commitment_note_commitment_ix ON commitment_note (commitment_id);

-- The audit trail: append-only, gapless, hash-chained. audit_head is the single row that orders appends.
CREATE TABLE audit_entry (
    seq              BIGINT PRIMARY KEY,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(80)   NOT NULL,
    actor_role       VARCHAR(30)   NOT NULL,
    action           VARCHAR(60)   NOT NULL,
    case_key         VARCHAR(20),
    account_id       BIGINT,
    amount_minor     BIGINT,
    currency         CHAR(3),
    ltv_minor        BIGINT,
    spend_12m_minor  BIGINT,
    spend_ratio_bp   BIGINT,
    verdict          VARCHAR(20),
    details          VARCHAR(8000) NOT NULL,
    prev_hash        CHAR(64)      NOT NULL,
    hash             CHAR(64)      NOT NULL
);
CREATE INDEX audit_entry_case_ix ON audit_entry (case_key, seq);
CREATE INDEX audit_entry_account_ix ON audit_entry (account_id, seq);
CREATE INDEX audit_entry_actor_ix ON audit_entry (actor, seq);
CREATE INDEX audit_entry_time_ix ON audit_entry (recorded_at);

CREATE TABLE audit_head (
    id         INTEGER PRIMARY KEY,
    last_seq   BIGINT   NOT NULL,
    last_hash  CHAR(64) NOT NULL
);
INSERT INTO audit_head (id, last_seq, last_hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
