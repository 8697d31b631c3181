/**
 * Card numbers that make a sandbox payment decline (send them base64-encoded in `encrypted_card`). Any other valid
 * number is approved — unless its expiry has passed ("54") or the 3DS block says the authentication failed.
 */
export const declineCards: Readonly<Record<string, { reason_code: string; meaning: string }>> = {
  "4000000000000002": { reason_code: "05", meaning: "declined: do not honour" },
  "4000000000009995": { reason_code: "51", meaning: "declined: insufficient funds" },
  "4000000000000069": { reason_code: "54", meaning: "declined: expired card" },
};
