-- Audit entries written by their action's own transaction, not yet numbered or chained. The sealer (AuditSealer)
-- moves them into audit_entry a batch at a time, holding the audit_head lock for that batch only, so no business
-- transaction waits on the head (docs/performance.md, third round). The columns are audit_entry's without the
-- sequence and the hashes; the id only orders a batch.
CREATE SEQUENCE audit_pending_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE audit_pending (
    id               BIGINT PRIMARY KEY,
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
    details          VARCHAR(8000) NOT NULL
);
