-- The client portal, helpdesk intake and email (issue 7): ratings of resolutions, helpdesk tickets with their
-- triage queue, and the mail outbox. Portable SQL: the same file runs on H2 2.x and PostgreSQL 15.

CREATE SEQUENCE mail_outbox_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE triage_seq START WITH 1000 INCREMENT BY 50;

-- The customer's verdict on a resolution: one per case, changeable (the newest answer counts).
CREATE TABLE case_rating (
    case_id     BIGINT        PRIMARY KEY REFERENCES apology_case (id),
    account_id  BIGINT        NOT NULL REFERENCES customer_account (id),
    score       INTEGER       NOT NULL,
    comment     VARCHAR(2000),
    rated_by    VARCHAR(80)   NOT NULL,
    rated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version     BIGINT        NOT NULL,
    CONSTRAINT case_rating_score_ck CHECK (score BETWEEN 1 AND 5)
);
CREATE INDEX case_rating_rated_ix ON case_rating (rated_at);

-- One row per helpdesk ticket ever received: the primary key makes a second case for one ticket impossible, and the
-- row is locked while a ticket is handled, so concurrent re-sends of one ticket are handled one after the other.
CREATE TABLE intake_ticket (
    ticket_ref     VARCHAR(120)  PRIMARY KEY,
    case_id        BIGINT        REFERENCES apology_case (id),
    triage_id      BIGINT,
    content_hash   CHAR(64),
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    times_received INTEGER       NOT NULL
);

-- Tickets whose requester matches no contact: kept for an account manager to assign, never dropped.
CREATE TABLE intake_triage (
    id               BIGINT PRIMARY KEY,
    ticket_ref       VARCHAR(120)  NOT NULL REFERENCES intake_ticket (ticket_ref),
    requester_email  VARCHAR(320)  NOT NULL,
    requester_name   VARCHAR(200),
    subject          VARCHAR(200)  NOT NULL,
    description      VARCHAR(8000) NOT NULL,
    priority         VARCHAR(20),
    severity         VARCHAR(10)   NOT NULL,
    tags             VARCHAR(1000),
    received_by      VARCHAR(120)  NOT NULL,
    received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    case_id          BIGINT        REFERENCES apology_case (id),
    assigned_by      VARCHAR(80),
    assigned_at      TIMESTAMP WITH TIME ZONE,
    version          BIGINT        NOT NULL,
    CONSTRAINT intake_triage_ticket_uq UNIQUE (ticket_ref)
);
CREATE INDEX intake_triage_status_ix ON intake_triage (status, received_at);

-- Mails are written here in the transaction of the action that causes them, and sent by a sweep: a mail server
-- that is down delays mail, never loses it. lease_until keeps a row to the node sending it; sent rows stay as a record.
CREATE TABLE mail_outbox (
    id               BIGINT PRIMARY KEY,
    kind             VARCHAR(40)    NOT NULL,
    recipient        VARCHAR(320)   NOT NULL,
    subject          VARCHAR(500)   NOT NULL,
    body             VARCHAR(20000) NOT NULL,
    language         VARCHAR(8)     NOT NULL,
    case_id          BIGINT,
    dedup_key        VARCHAR(200),
    status           VARCHAR(10)    NOT NULL,
    attempts         INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    leased_by        VARCHAR(120),
    last_error       VARCHAR(1000),
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT         NOT NULL
);
CREATE INDEX mail_outbox_due_ix ON mail_outbox (status, next_attempt_at);
CREATE INDEX mail_outbox_case_ix ON mail_outbox (case_id);
CREATE INDEX mail_outbox_dedup_ix ON mail_outbox (dedup_key);
