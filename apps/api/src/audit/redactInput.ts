// What goes into the audit trail: the input as the user sent it, minus secrets and card data, and at most
// `maxAuditBytes` of it — a 5,000-key body must not become a 5,000-key audit row.
import { cardNumberReplacement, isCardDataKey, isCardNumber, redactCardNumbers } from "@vbo/domain";

const secretKeys =
  /^(password|newpassword|currentpassword|current|next|api_?key|secret|token_secret|totp|code|recoverycode|temporarypassword)$/i;
const isSecretKey = (key: string) => secretKeys.test(key) || isCardDataKey(key);

export const maxAuditBytes = 3_000;
const maxKeys = 100;
const cutNote = "input cut to what the audit keeps";

export function redactInput(value: unknown): unknown {
  const redacted = redact(value, 0);
  const bytes = JSON.stringify(redacted)?.length ?? 0;
  if (bytes <= maxAuditBytes) return redacted;
  const keys = isObject(value) ? Object.keys(value).length : null;
  const kept: Record<string, unknown> = {};
  let size = 100; // room for the note itself
  if (isObject(redacted)) {
    for (const [k, v] of Object.entries(redacted)) {
      const piece = JSON.stringify(k).length + (JSON.stringify(v)?.length ?? 4) + 2;
      if (size + piece > maxAuditBytes) continue; // a smaller later key may still fit
      kept[k] = v;
      size += piece;
    }
  }
  kept["[cut]"] = { note: cutNote, ...(keys !== null ? { keys } : {}), bytes };
  return kept;
}

function redact(value: unknown, depth: number): unknown {
  if (depth > 8) return "[truncated]";
  if (typeof value === "string") return redactCardNumbers(value).slice(0, 2000);
  if (typeof value === "number" && isCardNumber(String(value))) return cardNumberReplacement;
  if (Array.isArray(value)) return value.slice(0, 100).map((v) => redact(v, depth + 1));
  if (isObject(value)) {
    const entries = Object.entries(value);
    const kept = entries
      .slice(0, maxKeys)
      .map(([k, v]) => [k, isSecretKey(k) ? "[removed]" : redact(v, depth + 1)] as const);
    if (entries.length > maxKeys) kept.push(["[cut]", { note: cutNote, keys: entries.length }]);
    return Object.fromEntries(kept);
  }
  return value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
