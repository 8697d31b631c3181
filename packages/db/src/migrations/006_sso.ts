/**
 * Single sign-on (OIDC): a staff user may be linked to one identity-provider account (issuer + subject) and may have
 * no password at all (created by their first SSO sign-in). `oidc_sign_in` holds an authorization request in flight:
 * its state (the primary key, so a state is consumed once), PKCE verifier and nonce, bound to the browser that
 * started it by the SHA-256 of a random cookie.
 */
export const sso = /* sql */ `
ALTER TABLE staff_user ALTER COLUMN password_hash DROP NOT NULL;
ALTER TABLE staff_user ADD COLUMN oidc_issuer text;
ALTER TABLE staff_user ADD COLUMN oidc_subject text;
ALTER TABLE staff_user ADD CONSTRAINT staff_user_oidc_identity_key UNIQUE (oidc_issuer, oidc_subject);

CREATE TABLE oidc_sign_in (
  state         text PRIMARY KEY,
  browser_hash  text NOT NULL,
  code_verifier text NOT NULL,
  nonce         text NOT NULL,
  return_to     text,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_sign_in_expires_at_idx ON oidc_sign_in (expires_at);
`;
