/**
 * Staff users, sessions, the append-only audit trail, idempotency records, saved views and login throttling.
 * Emails are stored lower-cased (a CHECK enforces it), so a plain UNIQUE is case-insensitive without citext,
 * which PGlite would need as a separate extension.
 */
export const initial = /* sql */ `
CREATE TABLE staff_user (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email         text NOT NULL,
  name          text NOT NULL,
  role          text NOT NULL CONSTRAINT staff_user_role_check
                  CHECK (role IN ('operations', 'support', 'manager', 'admin')),
  password_hash text NOT NULL,
  disabled_at   timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT staff_user_email_lower_check CHECK (email = lower(email)),
  CONSTRAINT staff_user_email_key UNIQUE (email)
);

-- id is the SHA-256 (hex) of the random token the browser holds; the token itself is never stored.
CREATE TABLE session (
  id           text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES staff_user (id),
  created_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at   timestamptz NOT NULL,
  revoked_at   timestamptz,
  ip           text,
  user_agent   text
);
CREATE INDEX session_user_id_idx ON session (user_id) WHERE revoked_at IS NULL;
CREATE INDEX session_expires_at_idx ON session (expires_at);

-- at has millisecond precision so a JavaScript Date round-trips exactly (keyset pagination relies on it).
-- actor_* are copied, not referenced: the trail must read the same whatever happens to the user later.
CREATE TABLE audit_event (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at              timestamptz(3) NOT NULL DEFAULT now(),
  actor_id        uuid,
  actor_email     text,
  actor_role      text,
  action          text NOT NULL,
  target          text,
  input           jsonb,
  upstream_status integer,
  outcome         text NOT NULL CONSTRAINT audit_event_outcome_check
                    CHECK (outcome IN ('success', 'failure', 'refused')),
  error           text,
  request_id      text
);
CREATE INDEX audit_event_at_idx ON audit_event (at DESC, id DESC);
CREATE INDEX audit_event_actor_email_idx ON audit_event (actor_email, at DESC, id DESC);
CREATE INDEX audit_event_actor_id_idx ON audit_event (actor_id, at DESC, id DESC);
CREATE INDEX audit_event_action_idx ON audit_event (action, at DESC, id DESC);
CREATE INDEX audit_event_target_idx ON audit_event (target, at DESC, id DESC);
CREATE INDEX audit_event_outcome_idx ON audit_event (outcome, at DESC, id DESC);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE idempotency_record (
  key             uuid PRIMARY KEY,
  actor_id        uuid NOT NULL REFERENCES staff_user (id),
  action          text NOT NULL,
  target          text NOT NULL,
  request_hash    text NOT NULL,
  state           text NOT NULL CONSTRAINT idempotency_record_state_check
                    CHECK (state IN ('in_flight', 'completed', 'failed')),
  response        jsonb,
  upstream_status integer,
  error           text,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX idempotency_record_created_at_idx ON idempotency_record (created_at);

CREATE TABLE saved_view (
  id         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_id   uuid NOT NULL REFERENCES staff_user (id),
  page       text NOT NULL,
  name       text NOT NULL,
  query      jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT saved_view_owner_page_name_key UNIQUE (owner_id, page, name)
);

-- One row per failed sign-in, keyed 'email:<address>' or 'ip:<address>'; shared by every API replica.
CREATE TABLE login_attempt (
  id  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  key text NOT NULL,
  at  timestamptz NOT NULL
);
CREATE INDEX login_attempt_key_at_idx ON login_attempt (key, at);
CREATE INDEX login_attempt_at_idx ON login_attempt (at);
`;
