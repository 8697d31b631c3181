// Rules for Verifone reuse tokens (Token Management API): which state changes are possible, how close a stored
// card is to expiring, and what a support user may write into PATCH /api/v2/card/{id}. Plain functions, so both the
// API's zod schema (via superRefine) and the web form can use them.
//
// States: ACTIVE ⇄ SUSPENDED (suspend / activate, reversible); DELETED is final ("This operation is not reversible").

export type TokenStatus = "ACTIVE" | "SUSPENDED" | "DELETED";
export type TokenAction = "suspend" | "activate" | "update" | "delete";
export type RuleCheck = { ok: true } | { ok: false; message: string };

const refuse = (message: string): RuleCheck => ({ ok: false, message });

/** Whether `action` is possible on a token in `status`; the refusal names the current state. */
export function tokenActionAllowed(status: string | null | undefined, action: TokenAction): RuleCheck {
  const state = (status ?? "").trim().toUpperCase();
  if (state === "DELETED") return refuse("This token is deleted: a deleted token cannot be changed or restored");
  if (state !== "ACTIVE" && state !== "SUSPENDED") {
    return refuse(`This token's state is unknown (${state || "none"}): read it again before changing it`);
  }
  if (action === "suspend" && state === "SUSPENDED") return refuse("This token is already suspended");
  if (action === "activate" && state === "ACTIVE") return refuse("This token is already active");
  return { ok: true };
}

export type ExpiryState = "expired" | "expiring" | "ok" | "unknown";

/** A card counts as "expiring" when it expires within this many days. */
export const expiringWithinDays = 60;

const dayMs = 86_400_000;

function utcMidnight(date: Date): number {
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

function validMonthYear(month: unknown, year: unknown): { month: number; year: number } | null {
  const m = typeof month === "string" && /^\d{1,2}$/.test(month.trim()) ? Number(month) : month;
  const y = typeof year === "string" && /^\d{4}$/.test(year.trim()) ? Number(year) : year;
  if (typeof m !== "number" || !Number.isInteger(m) || m < 1 || m > 12) return null;
  if (typeof y !== "number" || !Number.isInteger(y) || y < 1000 || y > 9999) return null;
  return { month: m, year: y };
}

/**
 * A card is valid through the last day of its expiry month (UTC). "expired" after that day, "expiring" within
 * 60 days of it, "ok" otherwise, "unknown" when month (1–12) or four-digit year is missing or malformed.
 */
export function expiryState(month: unknown, year: unknown, today: Date): ExpiryState {
  const valid = validMonthYear(month, year);
  if (!valid || Number.isNaN(today.getTime())) return "unknown";
  const lastDay = Date.UTC(valid.year, valid.month, 0); // day 0 of the next month = last day of this one
  const days = (lastDay - utcMidnight(today)) / dayMs;
  if (days < 0) return "expired";
  return days <= expiringWithinDays ? "expiring" : "ok";
}

/** The fields a support user may change on a token (CONTRACT.md §1 tokens.update). */
export type TokenChanges = {
  expiry_month?: number;
  expiry_year?: number;
  card_holder_name?: string;
  card_holder_email?: string;
  token_expiry_date?: string;
};

export type TokenChangeProblem = { field: keyof TokenChanges | "changes"; message: string };

/** Verifone's limits (PatchDto). */
export const cardHolderNameMaxLength = 30;
export const cardHolderEmailMinLength = 3;
export const cardHolderEmailMaxLength = 254;

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
// The spec only requires an unquoted "@"; a dot in the domain is also asked for, as every cardholder address has one.
const email = /^[^\s@"]+@[^\s@".]+(\.[^\s@".]+)+$/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const control = /[\u0000-\u001f\u007f]/;

function dateProblem(value: unknown, today: Date): string | null {
  const match = typeof value === "string" ? isoDate.exec(value) : null;
  const time = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) {
    return "Token expiry date must be a date written YYYY-MM-DD";
  }
  return time < utcMidnight(today) ? `Token expiry date ${value} is in the past` : null;
}

/**
 * What is wrong with a token update, field by field (empty when it may be sent). `current` is the token's present
 * expiry, so that changing only the month (or only the year) is checked as the expiry it would make.
 */
export function tokenChangeProblems(
  changes: TokenChanges,
  today: Date,
  current?: { expiry_month?: number | null; expiry_year?: number | null },
): TokenChangeProblem[] {
  const problems: TokenChangeProblem[] = [];
  const given = Object.entries(changes).filter(([, value]) => value !== undefined);
  if (given.length === 0) return [{ field: "changes", message: "Nothing to update: change at least one field" }];
  const { expiry_month: month, expiry_year: year, card_holder_name: name, card_holder_email: mail } = changes;

  const monthOk = month === undefined || (Number.isInteger(month) && month >= 1 && month <= 12);
  if (!monthOk) problems.push({ field: "expiry_month", message: "Expiry month must be a whole number from 1 to 12" });
  const thisYear = today.getUTCFullYear();
  let yearOk = year === undefined;
  if (year !== undefined) {
    if (!Number.isInteger(year) || year < 1000 || year > 9999) {
      problems.push({ field: "expiry_year", message: "Expiry year must have four digits, e.g. 2030" });
    } else if (year < thisYear) {
      problems.push({ field: "expiry_year", message: `Expiry year ${year} is in the past` });
    } else yearOk = true;
  }
  if (monthOk && yearOk && (month !== undefined || year !== undefined)) {
    const m = month ?? current?.expiry_month;
    const y = year ?? current?.expiry_year;
    if (expiryState(m, y, today) === "expired") {
      const field = month !== undefined ? "expiry_month" : "expiry_year";
      problems.push({ field, message: `The card would already be expired (${String(m).padStart(2, "0")}/${y})` });
    }
  }
  if (name !== undefined) {
    if (typeof name !== "string" || name.trim() === "") {
      problems.push({ field: "card_holder_name", message: "Card holder name must not be empty" });
    } else if (name.length > cardHolderNameMaxLength) {
      problems.push({
        field: "card_holder_name",
        message: `Card holder name must be at most ${cardHolderNameMaxLength} characters`,
      });
    } else if (control.test(name)) {
      problems.push({ field: "card_holder_name", message: "Card holder name must not contain control characters" });
    }
  }
  if (mail !== undefined) {
    const length = typeof mail === "string" ? mail.length : 0;
    if (
      typeof mail !== "string" ||
      length < cardHolderEmailMinLength ||
      length > cardHolderEmailMaxLength ||
      !email.test(mail)
    ) {
      problems.push({
        field: "card_holder_email",
        message: "Card holder email must be an address like name@example.com",
      });
    }
  }
  if (changes.token_expiry_date !== undefined) {
    const message = dateProblem(changes.token_expiry_date, today);
    if (message) problems.push({ field: "token_expiry_date", message });
  }
  return problems;
}

/**
 * Whether the token itself (not the card) has expired: its token_expiry_date (a date or date-time) is before `today`'s
 * UTC day. False when the date is missing or unreadable.
 */
export function tokenExpired(tokenExpiryDate: unknown, today: Date): boolean {
  if (typeof tokenExpiryDate !== "string" || tokenExpiryDate.trim() === "") return false;
  const day = tokenExpiryDate.trim().slice(0, 10);
  if (!isoDate.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) return false;
  return day < new Date(utcMidnight(today)).toISOString().slice(0, 10);
}
