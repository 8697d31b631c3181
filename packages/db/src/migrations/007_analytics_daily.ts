/**
 * A daily roll-up of analytics_authentication (issue 8: answers over 1,000,000 authentications in well under 150 ms):
 * one row per UTC day and combination of the stored codes a filter or a dimension can name, with the count of each
 * fact. Kept exact by statement-level triggers on every INSERT, UPDATE (a re-upsert, a rules-version re-derivation),
 * DELETE and TRUNCATE of analytics_authentication, so no write path can forget it. Keys whose count falls to 0 stay
 * (the queries skip them). Filters the roll-up cannot answer (amount, id, an instant) read analytics_authentication.
 *
 * The (card_brand, created_at) index of migration 002 served brand-filtered answers, which the roll-up now serves: it
 * is dropped, so every back-filled row costs one index fewer.
 */
const key = `day, card_brand, threeds_version, currency_code, eci_flag, enrolled, signature_verification, pares_status,
  challenge_required, challenge_cancel, reason`;

const sums = `authentications, issuer, merchant, frictionless, challenged, v2_challenged, challenge_succeeded,
  abandoned, authenticated, enrolled_y, v2_enrolled`;

/** The condition of each count after `authentications`, in the order of `sums`. */
const facts = [
  "liable = 'ISSUER'",
  "liable = 'MERCHANT'",
  "frictionless_authenticated",
  "flow = 'CHALLENGE'",
  "v2_challenged",
  "challenge_succeeded",
  "abandoned",
  "authenticated",
  "enrolled_y",
  "v2_enrolled",
];

/** `sign` × each fact of the rows of `source` (a transition table), per key. */
const deltas = (source: string) => `
  SELECT (created_at AT TIME ZONE 'UTC')::date, card_brand, threeds_version, currency_code, eci_flag, enrolled,
    signature_verification, pares_status, challenge_required, challenge_cancel, reason,
    sum(sign), ${facts.map((fact) => `coalesce(sum(sign) FILTER (WHERE ${fact}), 0)`).join(", ")}
  FROM (${source}) AS changed
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11`;

/**
 * Adds the deltas, keys in one order (so two statements touching the same day wait for each other rather than
 * deadlock); a re-upsert that changes nothing adds nothing.
 */
const apply = (source: string) => `
  INSERT INTO analytics_authentication_daily AS d (${key}, ${sums})
  SELECT * FROM (${deltas(source)}) AS delta (${key}, ${sums})
  WHERE authentications <> 0 OR issuer <> 0 OR merchant <> 0 OR frictionless <> 0 OR challenged <> 0
    OR v2_challenged <> 0 OR challenge_succeeded <> 0 OR abandoned <> 0 OR authenticated <> 0 OR enrolled_y <> 0
    OR v2_enrolled <> 0
  ORDER BY ${key}
  ON CONFLICT (${key}) DO UPDATE SET
    authentications = d.authentications + EXCLUDED.authentications,
    issuer = d.issuer + EXCLUDED.issuer,
    merchant = d.merchant + EXCLUDED.merchant,
    frictionless = d.frictionless + EXCLUDED.frictionless,
    challenged = d.challenged + EXCLUDED.challenged,
    v2_challenged = d.v2_challenged + EXCLUDED.v2_challenged,
    challenge_succeeded = d.challenge_succeeded + EXCLUDED.challenge_succeeded,
    abandoned = d.abandoned + EXCLUDED.abandoned,
    authenticated = d.authenticated + EXCLUDED.authenticated,
    enrolled_y = d.enrolled_y + EXCLUDED.enrolled_y,
    v2_enrolled = d.v2_enrolled + EXCLUDED.v2_enrolled`;

const columns = `created_at, card_brand, threeds_version, currency_code, eci_flag, enrolled, signature_verification,
  pares_status, challenge_required, challenge_cancel, reason, liable, flow, frictionless_authenticated, v2_challenged,
  challenge_succeeded, abandoned, authenticated, enrolled_y, v2_enrolled`;

export const analyticsDaily = /* sql */ `
CREATE TABLE analytics_authentication_daily (
  day                    date NOT NULL,
  card_brand             text,
  threeds_version        text,
  currency_code          text,
  eci_flag               text,
  enrolled               text,
  signature_verification text,
  pares_status           text,
  challenge_required     text,
  challenge_cancel       text,
  reason                 text NOT NULL,
  authentications        integer NOT NULL,
  issuer                 integer NOT NULL,
  merchant               integer NOT NULL,
  frictionless           integer NOT NULL,
  challenged             integer NOT NULL,
  v2_challenged          integer NOT NULL,
  challenge_succeeded    integer NOT NULL,
  abandoned              integer NOT NULL,
  authenticated          integer NOT NULL,
  enrolled_y             integer NOT NULL,
  v2_enrolled            integer NOT NULL
);
-- A missing code is a key of its own (NULLS NOT DISTINCT), as a group of the raw table would be.
CREATE UNIQUE INDEX analytics_authentication_daily_key ON analytics_authentication_daily (${key}) NULLS NOT DISTINCT;

INSERT INTO analytics_authentication_daily (${key}, ${sums})
${deltas(`SELECT ${columns}, 1 AS sign FROM analytics_authentication`)};

CREATE FUNCTION analytics_daily_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${apply(`SELECT ${columns}, 1 AS sign FROM new_rows`)};
  RETURN NULL;
END $$;

CREATE FUNCTION analytics_daily_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${apply(`SELECT ${columns}, 1 AS sign FROM new_rows UNION ALL SELECT ${columns}, -1 AS sign FROM old_rows`)};
  RETURN NULL;
END $$;

CREATE FUNCTION analytics_daily_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${apply(`SELECT ${columns}, -1 AS sign FROM old_rows`)};
  RETURN NULL;
END $$;

CREATE FUNCTION analytics_daily_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE analytics_authentication_daily;
  RETURN NULL;
END $$;

CREATE TRIGGER analytics_daily_inserted AFTER INSERT ON analytics_authentication
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_daily_inserted();
CREATE TRIGGER analytics_daily_updated AFTER UPDATE ON analytics_authentication
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_daily_updated();
CREATE TRIGGER analytics_daily_deleted AFTER DELETE ON analytics_authentication
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION analytics_daily_deleted();
CREATE TRIGGER analytics_daily_truncated AFTER TRUNCATE ON analytics_authentication
  FOR EACH STATEMENT EXECUTE FUNCTION analytics_daily_truncated();

DROP INDEX analytics_authentication_brand_created_at_idx;
`;
