/**
 * Why a single sign-on did not sign the user in: the API puts the code in the sign-in page's URL
 * (`/login?sso_error=<code>`) and the page says it in these words — never a stack trace or the provider's raw text.
 */
export const ssoErrorMessages = {
  unmapped: "Your identity provider account is not in any group mapped to a back-office role. Ask an administrator.",
  expired: "The sign-in link expired or was already used — start again.",
  denied: "The identity provider did not sign you in (it refused or you cancelled). Start again.",
  invalid:
    "The identity provider's answer could not be verified, so you were not signed in. Start again; if it keeps happening, tell an administrator.",
  disabled: "Your back-office account is disabled. Ask an administrator.",
  no_email: "Your identity provider did not give a verified email address, which the back office needs.",
  conflict:
    "Your email belongs to a back-office account linked to another identity provider account. Ask an administrator.",
  break_glass:
    "This email is a break-glass account: it signs in with its password only, not through the identity provider.",
  unavailable: "The identity provider could not be reached. Try again in a moment.",
  throttled: "Too many sign-ins were started from this address. Try again in a few minutes.",
  not_configured: "Single sign-on is not configured on this back office.",
} as const;

export type SsoErrorCode = keyof typeof ssoErrorMessages;

export function isSsoErrorCode(value: unknown): value is SsoErrorCode {
  return typeof value === "string" && Object.hasOwn(ssoErrorMessages, value);
}
