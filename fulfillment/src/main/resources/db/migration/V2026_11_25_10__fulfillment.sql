-- Fulfillment: the gift catalog, gift orders with their history (the transactional outbox), discount codes with
-- their redemptions, and the simulated vendor's own orders. Knows nothing of cases: no foreign key leaves these tables.
-- Portable SQL: the same file runs on H2 2.x and PostgreSQL 15. Money is BIGINT minor units plus a currency.

CREATE SEQUENCE catalog_item_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE gift_order_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE gift_order_history_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE discount_code_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE discount_redemption_seq START WITH 1000 INCREMENT BY 50;
CREATE SEQUENCE simulated_shipment_seq START WITH 1000 INCREMENT BY 50;

CREATE TABLE catalog_item (
    id           BIGINT PRIMARY KEY,
    kind         VARCHAR(20)   NOT NULL,
    name         VARCHAR(200)  NOT NULL,
    description  VARCHAR(2000),
    vendor       VARCHAR(40)   NOT NULL,
    sku          VARCHAR(80)   NOT NULL,
    price_minor  BIGINT        NOT NULL,
    currency     CHAR(3)       NOT NULL,
    active       BOOLEAN       NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT catalog_item_price_ck CHECK (price_minor >= 0)
);

CREATE TABLE catalog_item_country (
    item_id  BIGINT     NOT NULL REFERENCES catalog_item (id),
    country  VARCHAR(2) NOT NULL,
    PRIMARY KEY (item_id, country)
);

CREATE TABLE discount_code (
    id                BIGINT PRIMARY KEY,
    code              VARCHAR(32)   NOT NULL,
    discount_type     VARCHAR(10)   NOT NULL,
    discount_value    BIGINT        NOT NULL,
    currency          CHAR(3),
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    redemption_limit  INTEGER       NOT NULL,
    redeemed          INTEGER       NOT NULL,
    reference         VARCHAR(120)  NOT NULL,
    issued_by         VARCHAR(160)  NOT NULL,
    reason            VARCHAR(1000),
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT        NOT NULL,
    CONSTRAINT discount_code_code_uq UNIQUE (code),
    CONSTRAINT discount_code_limit_ck CHECK (redemption_limit >= 1 AND redeemed >= 0 AND redeemed <= redemption_limit)
);
CREATE INDEX discount_code_reference_ix ON discount_code (reference);

CREATE TABLE discount_redemption (
    id                 BIGINT PRIMARY KEY,
    code_id            BIGINT        NOT NULL REFERENCES discount_code (id),
    storefront         VARCHAR(160)  NOT NULL,
    order_reference    VARCHAR(120)  NOT NULL,
    redemption_number  INTEGER       NOT NULL,
    redeemed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT discount_redemption_once_uq UNIQUE (code_id, storefront, order_reference)
);

-- The outbox. next_attempt_at is when the dispatcher next looks at the order (send, cancel, ask for news);
-- claimed_by and lease_until are a node's claim while it talks to the vendor.
CREATE TABLE gift_order (
    id                     BIGINT PRIMARY KEY,
    idempotency_key        VARCHAR(120)  NOT NULL,
    reference              VARCHAR(120)  NOT NULL,
    kind                   VARCHAR(20)   NOT NULL,
    catalog_item_id        BIGINT REFERENCES catalog_item (id),
    vendor                 VARCHAR(40)   NOT NULL,
    sku                    VARCHAR(80),
    recipient_name         VARCHAR(200)  NOT NULL,
    recipient_street       VARCHAR(200),
    recipient_postal_code  VARCHAR(20),
    recipient_city         VARCHAR(120),
    recipient_country      VARCHAR(2)    NOT NULL,
    recipient_email        VARCHAR(320),
    message                VARCHAR(2000),
    sender_name            VARCHAR(200),
    cost_minor             BIGINT        NOT NULL,
    currency               CHAR(3)       NOT NULL,
    discount_code_id       BIGINT REFERENCES discount_code (id),
    status                 VARCHAR(20)   NOT NULL,
    vendor_order_id        VARCHAR(120),
    attempts               INTEGER       NOT NULL,
    next_attempt_at        TIMESTAMP WITH TIME ZONE,
    last_error             VARCHAR(1000),
    cancel_requested       BOOLEAN       NOT NULL,
    claimed_by             VARCHAR(200),
    lease_until            TIMESTAMP WITH TIME ZONE,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    submitted_at           TIMESTAMP WITH TIME ZONE,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT        NOT NULL,
    CONSTRAINT gift_order_idempotency_uq UNIQUE (idempotency_key),
    CONSTRAINT gift_order_vendor_order_uq UNIQUE (vendor, vendor_order_id),
    CONSTRAINT gift_order_cost_ck CHECK (cost_minor >= 0)
);
CREATE INDEX gift_order_due_ix ON gift_order (next_attempt_at);
CREATE INDEX gift_order_reference_ix ON gift_order (reference);

CREATE TABLE gift_order_history (
    id           BIGINT PRIMARY KEY,
    order_id     BIGINT        NOT NULL REFERENCES gift_order (id),
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)   NOT NULL,
    detail       VARCHAR(2000) NOT NULL,
    happened_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX gift_order_history_order_ix ON gift_order_history (order_id);

-- The simulated vendor's side: its own orders, advanced by a sweep.
CREATE TABLE simulated_shipment (
    id               BIGINT PRIMARY KEY,
    idempotency_key  VARCHAR(120) NOT NULL,
    sku              VARCHAR(80)  NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    attempts         INTEGER      NOT NULL,
    lose_callbacks   BOOLEAN      NOT NULL,
    fail_delivery    BOOLEAN      NOT NULL,
    next_step_at     TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL,
    CONSTRAINT simulated_shipment_key_uq UNIQUE (idempotency_key)
);
CREATE INDEX simulated_shipment_due_ix ON simulated_shipment (next_step_at);

-- Demo catalog: the simulated vendor (the default for demos), and the two HTTP vendors.
INSERT INTO catalog_item (id, kind, name, description, vendor, sku, price_minor, currency, active, updated_at, version) VALUES
    (1, 'FLOWERS', 'A dozen red roses', 'Long-stemmed red roses, hand-tied', 'simulated', 'SIM-ROSES-12', 4500, 'EUR', TRUE, CURRENT_TIMESTAMP, 0),
    (2, 'FLOWERS', 'A dozen red roses', 'Long-stemmed red roses, hand-tied', 'simulated', 'SIM-ROSES-12-UK', 3900, 'GBP', TRUE, CURRENT_TIMESTAMP, 0),
    (3, 'FLOWERS', 'A dozen red roses', 'Long-stemmed red roses, hand-tied', 'simulated', 'SIM-ROSES-12-US', 5500, 'USD', TRUE, CURRENT_TIMESTAMP, 0),
    (4, 'CHOCOLATES', 'Belgian chocolates', '24 pralines from Brussels in a gift box', 'simulated', 'SIM-PRALINES-24', 3200, 'EUR', TRUE, CURRENT_TIMESTAMP, 0),
    (5, 'HANDWRITTEN_CARD', 'Handwritten card', 'A plain cream card, written with a real pen', 'simulated', 'SIM-CARD-CREAM', 900, 'EUR', TRUE, CURRENT_TIMESTAMP, 0),
    (6, 'HANDWRITTEN_CARD', 'Handwritten card: We are sorry', 'Card design 2411, written by a robot with a real pen', 'handwrytten', '2411', 650, 'USD', TRUE, CURRENT_TIMESTAMP, 0),
    (7, 'FLOWERS', 'Seasonal bouquet', 'The florist''s choice of the season, medium', 'florist', 'FL-SEASONAL-M', 5900, 'EUR', TRUE, CURRENT_TIMESTAMP, 0),
    (8, 'CHOCOLATES', 'Chocolate and tea basket', 'Chocolates, shortbread and English breakfast tea', 'florist', 'FL-BASKET-CHOC', 4900, 'GBP', TRUE, CURRENT_TIMESTAMP, 0);

INSERT INTO catalog_item_country (item_id, country) VALUES
    (1, 'DE'), (1, 'FR'), (1, 'BE'), (1, 'NL'), (1, 'AT'), (1, 'IE'), (1, 'ES'), (1, 'IT'),
    (2, 'GB'),
    (3, 'US'),
    (4, 'BE'), (4, 'DE'), (4, 'FR'), (4, 'NL'), (4, 'LU'), (4, 'AT'),
    (5, 'DE'), (5, 'FR'), (5, 'BE'), (5, 'NL'), (5, 'AT'), (5, 'GB'), (5, 'US'), (5, 'IE'),
    (6, 'US'), (6, 'CA'),
    (7, 'DE'), (7, 'AT'), (7, 'NL'),
    (8, 'GB');
