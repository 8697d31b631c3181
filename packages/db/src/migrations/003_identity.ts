/**
 * Staff identity: temporary passwords, last sign-in, sessions that are only half-way through signing in, trusted
 * devices (they skip the per-account sign-in delay), TOTP factors and recovery codes, passkeys (WebAuthn) and the
 * one-time challenges of their ceremonies.
 */
export const identity = /* sql */ `
ALTER TABLE staff_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;
ALTER TABLE staff_user ADD COLUMN last_sign_in_at timestamptz;

-- A session with a restriction is good for finishing the sign-in only: 'mfa' (the second factor is due),
-- 'change-password' (a temporary password must be replaced), 'enrol-mfa' (the role requires a factor).
ALTER TABLE session ADD COLUMN restriction text CONSTRAINT session_restriction_check
  CHECK (restriction IN ('mfa', 'change-password', 'enrol-mfa'));

-- id is the SHA-256 (hex) of the random token in the browser's device cookie.
CREATE TABLE trusted_device (
  id         text PRIMARY KEY,
  user_id    uuid NOT NULL REFERENCES staff_user (id),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX trusted_device_user_id_idx ON trusted_device (user_id);
CREATE INDEX trusted_device_expires_at_idx ON trusted_device (expires_at);

-- secret is encrypted by the API (AES-256-GCM) before it gets here. last_step is the RFC 6238 time step of the last
-- accepted code: a code of that step or an earlier one is refused (no replay within its window).
CREATE TABLE totp_factor (
  user_id      uuid PRIMARY KEY REFERENCES staff_user (id),
  secret       text NOT NULL,
  confirmed_at timestamptz,
  last_step    bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE recovery_code (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id   uuid NOT NULL REFERENCES staff_user (id),
  code_hash text NOT NULL,
  used_at   timestamptz,
  CONSTRAINT recovery_code_user_hash_key UNIQUE (user_id, code_hash)
);

-- id is the credential id (base64url) the authenticator chose; public_key the COSE key (base64url).
CREATE TABLE passkey (
  id           text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES staff_user (id),
  name         text NOT NULL,
  public_key   text NOT NULL,
  counter      bigint NOT NULL DEFAULT 0,
  transports   text[] NOT NULL DEFAULT '{}',
  created_at   timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX passkey_user_id_idx ON passkey (user_id);

-- A challenge is good once, for its purpose, until expires_at (user_id null: a password-less sign-in).
CREATE TABLE webauthn_challenge (
  challenge  text PRIMARY KEY,
  purpose    text NOT NULL CONSTRAINT webauthn_challenge_purpose_check CHECK (purpose IN ('register', 'sign-in', 'factor')),
  user_id    uuid REFERENCES staff_user (id),
  expires_at timestamptz NOT NULL
);
CREATE INDEX webauthn_challenge_expires_at_idx ON webauthn_challenge (expires_at);
`;
