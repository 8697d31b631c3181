// Card data must never reach a log line, the audit trail or an error text (ARCHITECTURE.md § Security). One
// detector, used by the API's logger, audit writer and error formatter, and by the tests that grep for leaks.

/** Keys whose value is card data whatever it looks like (compared without case, `_` or `-`). */
export const cardDataKeys = [
  "pan",
  "cardNumber",
  "card_number",
  "encrypted_card",
  "securityCode",
  "security_code",
  "cvv",
  "cvv2",
  "cvc",
  "cvc2",
  "cvn",
  "track1",
  "track2",
  "track_data",
  "pin",
  "pin_block",
] as const;

const normalizedCardKeys = new Set(cardDataKeys.map(normalizeKey));

function normalizeKey(key: string): string {
  return key.replace(/[_-]/g, "").toLowerCase();
}

/** Whether a key names card data (securityCode, track2, card_number, …). */
export function isCardDataKey(key: string): boolean {
  return normalizedCardKeys.has(normalizeKey(key));
}

export const cardNumberReplacement = "[card number removed]";

// A run of digits, single spaces or dashes between them allowed ("4111 1111-1111 1111"), standing on its own: not
// glued to letters or other digits, so the decimal stretches of a UUID or a hex digest ("c6935280-1234-…") are not
// read as cards.
const digitRun = /(?<![A-Za-z0-9])\d(?:[ -]?\d){12,}(?![A-Za-z0-9])/g;

/**
 * Verifone's 3-D Secure `order_id` is 16 digits and Mod-10 (Luhn) compliant by design ("unique BIN range to 3DS
 * services"), so a bare Luhn test takes it for a card. Every order id Verifone documents starts with 800
 * (8000725863630542, 8001840452769160). No card scheme issues in that range: ISO/IEC 7812 gives major industry
 * identifier 8 to healthcare and telecoms, and the one card scheme with 8-prefixed numbers (UnionPay) uses 81.
 * So a 16-digit run starting with 800 is an order id; any other Luhn-valid 13–19 digit run is a card number.
 */
export function isVerifoneOrderId(digits: string): boolean {
  return digits.length === 16 && digits.startsWith("800");
}

export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (d < 0 || d > 9) return false;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * A Luhn-valid 13–19 digit number that is not one of Verifone's order ids. No card number starts with 0 (major
 * industry identifier 0 is not issued to card schemes), which also keeps runs of zeros — a nil UUID's digits — out;
 * and only Visa issues 13-digit numbers (starting with 4), which keeps 13-digit epoch milliseconds out.
 */
export function isCardNumber(digits: string): boolean {
  if (!/^[1-9]\d{12,18}$/.test(digits) || (digits.length === 13 && digits[0] !== "4")) return false;
  return isLuhnValid(digits) && !isVerifoneOrderId(digits);
}

/**
 * Whether a run of digits (separators included) holds a card number: the whole run, any stretch of whole groups of
 * it ("ref 12 4111 1111 1111 1111" — the 12 is not part of the card), or any 13–19 digit stretch of a run that
 * has no separators (a card glued to other digits).
 */
function runHoldsCard(run: string): boolean {
  const groups = run.split(/[ -]/);
  for (let first = 0; first < groups.length; first++) {
    let digits = "";
    for (let last = first; last < groups.length; last++) {
      digits += groups[last];
      if (digits.length > 19) break;
      if (isCardNumber(digits)) return true;
    }
  }
  return groups.some((group) => group.length > 19 && holdsGluedCard(group));
}

function holdsGluedCard(digits: string): boolean {
  for (let start = 0; start + 13 <= digits.length; start++) {
    for (let length = 13; length <= 19 && start + length <= digits.length; length++) {
      if (isCardNumber(digits.slice(start, start + length))) return true;
    }
  }
  return false;
}

// A UUID (8-4-4-4-12 hex digits): a request id, an authentication id. Its first groups can all be decimal digits
// and pass Luhn together (about one random UUID in 20,000): a digit run inside one is never a card number.
const uuid = /(?<![A-Za-z0-9])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![A-Za-z0-9])/gi;

/** Whether an offset of `text` falls in a UUID (the UUIDs found once, when a digit run first asks). */
function insideUuid(text: string): (offset: number) => boolean {
  let spans: (readonly [number, number])[] | undefined;
  return (offset) => {
    spans ??= [...text.matchAll(uuid)].map((m) => [m.index, m.index + m[0].length] as const);
    return spans.some(([start, end]) => offset >= start && offset < end);
  };
}

/** The card numbers written in `text` (with or without spaces or dashes), as they were written. */
export function findCardNumbers(text: string): string[] {
  const found: string[] = [];
  const inUuid = insideUuid(text);
  for (const match of text.matchAll(digitRun)) {
    if (!inUuid(match.index) && runHoldsCard(match[0])) found.push(match[0]);
  }
  return found;
}

/** `text` with every card number replaced by "[card number removed]". */
export function redactCardNumbers(text: string): string {
  if (text.length < 13) return text;
  const inUuid = insideUuid(text);
  return text.replace(digitRun, (run, offset: number) =>
    !inUuid(offset) && runHoldsCard(run) ? cardNumberReplacement : run,
  );
}

/**
 * A copy of `value` with card data removed at any depth: card-data keys' values replaced, card numbers in strings
 * replaced, and numbers that are card numbers replaced. Errors become `{type, message, stack}` (then redacted).
 */
export function redactCardData(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactCardNumbers(value);
  if (typeof value === "number" || typeof value === "bigint") {
    return Number.isInteger(Number(value)) && isCardNumber(String(value)) ? cardNumberReplacement : value;
  }
  if (value === null || typeof value !== "object") return value;
  if (depth > 20) return "[too deep]";
  if (Array.isArray(value)) return value.map((v) => redactCardData(v, depth + 1));
  const source =
    value instanceof Error
      ? { ...value, type: value.name, message: value.message, stack: value.stack, cause: value.cause }
      : value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue;
    out[k] = isCardDataKey(k) ? "[removed]" : redactCardData(v, depth + 1);
  }
  return out;
}
