import { createParser, parseAsInteger } from "nuqs";

const wholeNumber = /^\d+$/;

/** Why `value` is not a whole number from `min` to `max` (the URL's words), or null. */
export function integerProblem(name: string, value: string, min: number, max: number): string | null {
  const n = wholeNumber.test(value) ? Number(value) : Number.NaN;
  return n >= min && n <= max ? null : `${name} must be a whole number from ${min} to ${max}`;
}

/** nuqs's integer, without its leniency ("12abc", "1.5" and "-3" are not read), bounded. */
export function integerParam(name: string, min: number, max: number) {
  return createParser({
    parse: (value) => (integerProblem(name, value, min, max) === null ? parseAsInteger.parse(value) : null),
    serialize: parseAsInteger.serialize,
  });
}
