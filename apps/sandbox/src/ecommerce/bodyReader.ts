import { Problems } from "./problems.ts";

/**
 * Reads a JSON request body field by field, collecting every problem (named `body.<field>`) instead of stopping at
 * the first. Unknown properties are refused, so a misspelt field fails loudly rather than being ignored.
 */
type Options = { required?: boolean };

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Verifone's `uuid-flexible`: a UUID, hyphens optional. */
const uuidFlexible = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => uuid.test(value);

export function isFullDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export class BodyReader {
  private constructor(
    readonly fields: Record<string, unknown>,
    readonly problems: Problems,
    /** Not an object at all: that one problem is enough, no "is required" for each field. */
    readonly broken = false,
  ) {}

  /** `raw` must be a JSON object whose keys are all in `allowed` (`schema` names it in the message). */
  static of(raw: unknown, problems: Problems, schema: string, allowed: readonly string[]): BodyReader {
    if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
      problems.add("", `must be a JSON object (${schema})`);
      return new BodyReader({}, problems, true);
    }
    const fields = raw as Record<string, unknown>;
    for (const key of Object.keys(fields))
      if (!allowed.includes(key)) problems.add(key, `is not a property of ${schema}`);
    return new BodyReader(fields, problems);
  }

  has(key: string): boolean {
    return this.fields[key] !== undefined;
  }

  #missing(key: string, options: Options): undefined {
    if (options.required && !this.broken) this.problems.add(key, "is required");
    return undefined;
  }

  string(key: string, options: Options & { max?: number; min?: number } = {}): string | undefined {
    const value = this.fields[key];
    if (value === undefined) return this.#missing(key, options);
    if (typeof value !== "string") return void this.problems.add(key, "must be a string");
    if (value.length < (options.min ?? (options.required ? 1 : 0)))
      return void this.problems.add(
        key,
        options.min ? `must be at least ${options.min} characters` : "must not be empty",
      );
    if (options.max !== undefined && value.length > options.max)
      return void this.problems.add(key, `must be at most ${options.max} characters`);
    return value;
  }

  oneOf<T extends string>(key: string, values: readonly T[], options: Options = {}): T | undefined {
    const value = this.fields[key];
    if (value === undefined) return this.#missing(key, options);
    if (typeof value !== "string" || !values.includes(value as T))
      return void this.problems.add(key, `must be one of ${values.join(", ")}`);
    return value as T;
  }

  integer(key: string, options: Options & { min?: number; max?: number } = {}): number | undefined {
    const value = this.fields[key];
    if (value === undefined) return this.#missing(key, options);
    const min = options.min ?? Number.MIN_SAFE_INTEGER;
    const max = options.max ?? Number.MAX_SAFE_INTEGER;
    if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max)
      return void this.problems.add(key, `must be an integer from ${min} to ${max}`);
    return value;
  }

  boolean(key: string, options: Options = {}): boolean | undefined {
    const value = this.fields[key];
    if (value === undefined) return this.#missing(key, options);
    if (typeof value !== "boolean") return void this.problems.add(key, "must be true or false");
    return value;
  }

  uuid(key: string, options: Options & { flexible?: boolean } = {}): string | undefined {
    const value = this.string(key, options);
    if (value === undefined) return undefined;
    if (!(options.flexible ? uuidFlexible : uuid).test(value)) return void this.problems.add(key, "must be a UUID");
    return value;
  }

  date(key: string, options: Options = {}): string | undefined {
    const value = this.string(key, options);
    if (value === undefined) return undefined;
    if (!isFullDate(value)) return void this.problems.add(key, "must be a date (YYYY-MM-DD)");
    return value;
  }

  email(key: string, options: Options = {}): string | undefined {
    const value = this.string(key, { ...options, min: 3, max: 254 });
    if (value === undefined) return undefined;
    if (!/^[^\s@"]+@[^\s@]+$/.test(value)) return void this.problems.add(key, "must be an email address");
    return value;
  }

  /** A nested object, read with the same rules (`body.<key>.<field>`); `undefined` when absent or not an object. */
  object(key: string, schema: string, allowed: readonly string[], options: Options = {}): BodyReader | undefined {
    const value = this.fields[key];
    if (value === undefined) return this.#missing(key, options);
    const nested = this.problems.child(key);
    if (typeof value !== "object" || value === null || Array.isArray(value))
      return void nested.add("", `must be an object (${schema})`);
    return BodyReader.of(value, nested, schema, allowed);
  }

  /** Accepted as given (shape not checked by the sandbox): must merely be an object or array when present. */
  opaque(key: string, kind: "object" | "array"): void {
    const value = this.fields[key];
    if (value === undefined) return;
    const ok =
      kind === "array" ? Array.isArray(value) : typeof value === "object" && value !== null && !Array.isArray(value);
    if (!ok) this.problems.add(key, `must be an ${kind}`);
  }
}

export { Problems };
