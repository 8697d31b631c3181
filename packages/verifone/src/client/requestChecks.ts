// Arguments the client refuses before calling Verifone, each with a VerifoneRequestError naming the argument.
import { VerifoneRequestError } from "../errors.ts";
import { pathIdProblem } from "../fields/idShapes.ts";

/** A path id: non-blank text that is no dot segment and no card number (it is percent-encoded into the path). */
export function checkedId(field: string, id: unknown): string {
  if (typeof id !== "string") throw new VerifoneRequestError(field, `${field} is required`);
  const problem = pathIdProblem(field, id);
  if (problem) throw new VerifoneRequestError(field, problem);
  return id;
}

/**
 * A Verifone reuse token: the spec gives only its length, 14 to 255 characters (example "VFrandom54965984"). We also
 * refuse spaces, control characters and non-ASCII text, which no token contains and which usually mean a bad paste.
 */
export function checkedReuseToken(id: unknown): string {
  if (typeof id !== "string" || id === "") throw new VerifoneRequestError("reuseToken", "a reuse token is required");
  if (id.length < 14 || id.length > 255) {
    throw new VerifoneRequestError("reuseToken", `a reuse token has 14 to 255 characters, this one has ${id.length}`);
  }
  if (!/^[\x21-\x7e]+$/.test(id)) {
    throw new VerifoneRequestError("reuseToken", "a reuse token has no spaces, control or non-ASCII characters");
  }
  return checkedId("reuseToken", id);
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Money moves must carry an idempotency key; the spec types `x-vfi-api-idempotencykey` as a UUID. */
export function checkedIdempotencyKey(key: unknown): string {
  if (typeof key !== "string" || !uuid.test(key)) {
    throw new VerifoneRequestError("idempotencyKey", "an idempotency key (a UUID) is required to move money");
  }
  return key;
}

/** An optional idempotency key (token changes): a UUID when given. */
export function optionalIdempotencyKey(key: unknown): string | undefined {
  if (key === undefined) return undefined;
  if (typeof key !== "string" || !uuid.test(key)) {
    throw new VerifoneRequestError("idempotencyKey", "an idempotency key must be a UUID");
  }
  return key;
}

/** An amount in minor units: a whole number ≥ 1 (Verifone's "without a decimal place, $1.5 = 150"). */
export function checkedMinorAmount(field: string, amount: unknown): number {
  if (typeof amount !== "number" || !Number.isSafeInteger(amount) || amount < 1) {
    throw new VerifoneRequestError(field, `${field} must be a whole number of minor units ≥ 1 (e.g. 1250 for 12.50)`);
  }
  return amount;
}
