// What goes into the audit trail: the input as the user sent it, minus secrets and card data.
const secretKeys =
  /^(password|newpassword|currentpassword|api_?key|secret|token_secret|cvv|cvc|cvv2|encrypted_card|card_number|pan|security_code|current|next|totp|code|recoverycode|temporarypassword)$/i;
// 13–19 digits, possibly separated by spaces or dashes: a card number (PAN) in free text.
const panLike = /\b(?:\d[ -]?){12,18}\d\b/g;

export function redactInput(value: unknown, depth = 0): unknown {
  if (depth > 8) return "[truncated]";
  if (typeof value === "string") return value.replace(panLike, "[card number removed]").slice(0, 2000);
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redactInput(v, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, secretKeys.test(k) ? "[removed]" : redactInput(v, depth + 1)]),
    );
  }
  return value;
}
