/**
 * The analytics store (CONTRACT.md §5): a derived copy of the fields analytics need, one row per authentication and
 * one per payment, with the verdict, reason and flow packages/domain derived at sync time (and its rules version).
 * Never card data, CAVV or payloads: the raw columns below are the short status codes the rules read.
 */
export const analytics = /* sql */ `
CREATE TABLE analytics_authentication (
  id                         text PRIMARY KEY,
  created_at                 timestamptz(3) NOT NULL,
  amount                     numeric,
  currency_code              text,
  card_brand                 text,
  threeds_version            text,
  eci_flag                   text,
  enrolled                   text,
  signature_verification     text,
  pares_status               text,
  challenge_required         text,
  challenge_cancel           text,
  liable                     text NOT NULL CHECK (liable IN ('ISSUER', 'MERCHANT')),
  reason                     text NOT NULL,
  eci                        text NOT NULL,
  flow                       text NOT NULL CHECK (flow IN ('CHALLENGE', 'FRICTIONLESS', 'NONE')),
  v2                         boolean NOT NULL,
  authenticated              boolean NOT NULL,
  abandoned                  boolean NOT NULL,
  enrolled_y                 boolean NOT NULL,
  v2_enrolled                boolean NOT NULL,
  frictionless_authenticated boolean NOT NULL,
  v2_challenged              boolean NOT NULL,
  challenge_succeeded        boolean NOT NULL,
  rules_version              integer NOT NULL,
  synced_at                  timestamptz NOT NULL DEFAULT now()
);
-- Every answer is a created_at range grouped by one dimension.
CREATE INDEX analytics_authentication_created_at_idx ON analytics_authentication (created_at);
CREATE INDEX analytics_authentication_brand_created_at_idx ON analytics_authentication (card_brand, created_at);

-- amount in minor units of currency_code; only SALE / AUTHORISATION / PREAUTH not DECLINED are payments.
CREATE TABLE analytics_payment (
  id               text PRIMARY KEY,
  created_at       timestamptz(3) NOT NULL,
  currency_code    text NOT NULL,
  amount           bigint,
  card_brand       text,
  transaction_type text,
  liable           text NOT NULL CHECK (liable IN ('ISSUER', 'MERCHANT')),
  reason           text NOT NULL,
  rules_version    integer NOT NULL,
  synced_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX analytics_payment_created_at_idx ON analytics_payment (created_at);

-- One row per stream ('authentications', 'payments'). watermark: everything created up to it has been pulled
-- (the next pull starts an overlap window before it). The back-fill walks from backfill_through back to backfill_from.
CREATE TABLE analytics_sync_state (
  stream            text PRIMARY KEY,
  watermark         timestamptz(3),
  backfill_from     timestamptz(3),
  backfill_through  timestamptz(3),
  backfill_done     boolean NOT NULL DEFAULT false,
  rules_version     integer,
  last_error        text,
  last_error_at     timestamptz,
  last_success_at   timestamptz,
  updated_at        timestamptz NOT NULL DEFAULT now()
);
`;
