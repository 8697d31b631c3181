// Checks that an answer body has the shape Verifone documents; otherwise a VerifoneUnavailableError "malformed"
// (retried on reads; on a write it means the outcome is unknown). `where` is "METHOD /path-template", never an id.
import { VerifoneUnavailableError } from "../errors.ts";

export function malformed(where: string): never {
  throw new VerifoneUnavailableError("malformed", `Verifone answered ${where} with a body of the wrong shape`);
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

export function objectBody<T>(where: string): (body: unknown) => T {
  return (body) => (isObject(body) ? (body as T) : malformed(where));
}

export function listBody<T>(where: string): (body: unknown) => T[] {
  return (body) => (Array.isArray(body) && body.every(isObject) ? (body as T[]) : malformed(where));
}

/** `{"count": n}` as documented; a numeric string or a bare number is accepted too. */
export function countBody(where: string): (body: unknown) => number {
  return (body) => {
    const raw = isObject(body) ? body.count : body;
    const count = typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) malformed(where);
    return count;
  };
}

/** A 204 (or any empty 2xx) — the answer of token suspend / activate / delete. */
export function noContent(where: string): (body: unknown) => void {
  return (body) => {
    if (body !== undefined && body !== null && !isObject(body)) malformed(where);
  };
}

export function withQuery(path: string, query: string): string {
  return query === "" ? path : `${path}?${query}`;
}
