// What a user types for a token action, checked the same way in the browser (before any call) and by the API.
import { isCardNumber } from "./cardData.ts";

export const reuseTokenMinLength = 14;
export const reuseTokenMaxLength = 255;
const printableAscii = /^[\x21-\x7e]+$/;

/** What is wrong with a reuse token as typed (surrounding spaces are ignored: both sides trim), or null. */
export function reuseTokenProblem(value: string): string | null {
  const token = value.trim();
  if (token === "") return "Enter a reuse token";
  if (token.length < reuseTokenMinLength) return `A reuse token has at least ${reuseTokenMinLength} characters`;
  if (token.length > reuseTokenMaxLength) return `A reuse token has at most ${reuseTokenMaxLength} characters`;
  if (!printableAscii.test(token)) return "A reuse token has no spaces or special characters";
  if (isCardNumber(token)) return "This is a card number, not a reuse token: look the token up by its id";
  return null;
}

export const reasonMinLength = 3;
export const reasonMaxLength = 500;

/** Suspend, activate and delete need a reason (kept in the audit trail). */
export function reasonProblem(value: string): string | null {
  const reason = value.trim();
  if (reason.length < reasonMinLength) return "Say why, in a few words";
  if (reason.length > reasonMaxLength) return `At most ${reasonMaxLength} characters`;
  return null;
}
