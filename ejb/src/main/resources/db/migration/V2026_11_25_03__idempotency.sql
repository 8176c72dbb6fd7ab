-- Idempotency keys of the POSTs that create things: a retried request gets the first answer.
CREATE TABLE idempotent_request (
    caller         VARCHAR(120)   NOT NULL,
    idem_key       VARCHAR(100)   NOT NULL,
    method_path    VARCHAR(300)   NOT NULL,
    body_hash      CHAR(64)       NOT NULL,
    status         INTEGER,
    content_type   VARCHAR(100),
    location       VARCHAR(500),
    response_body  VARCHAR(20000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (caller, idem_key)
);
CREATE INDEX idempotent_request_created_ix ON idempotent_request (created_at);
