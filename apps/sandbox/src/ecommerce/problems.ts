import { VerifoneError } from "../http/errors.ts";

/**
 * A problem with one part of an eCommerce request, keyed as the spec's 400 text says: `body.amount`, `query._limit`,
 * `params.id`, `headers.x-vfi-api-idempotencykey`. `facts` travel with it (e.g. `token_status`, `refundable`).
 * Values the client sent are never echoed: they may be card data.
 */
export type Problem = { at: string; message: string; facts?: Record<string, unknown> };

function detailsOf(problems: readonly Problem[]): Record<string, unknown> {
  return Object.fromEntries(problems.map(({ at, message, facts }) => [at, { message, ...facts }]));
}

const summary = (problems: readonly Problem[]) =>
  problems[0] ? `${problems[0].at} ${problems[0].message}` : "Invalid parameters";

/** 400 naming every problem. */
export function invalid(problems: readonly Problem[]): VerifoneError {
  return new VerifoneError(400, summary(problems), detailsOf(problems));
}

/** 400 for an action the current state does not allow; `facts` say the state. */
export function refused(at: string, message: string, facts: Record<string, unknown> = {}): VerifoneError {
  return invalid([{ at, message, facts }]);
}

export function notFound(at: string, message: string): VerifoneError {
  const problems = [{ at, message }];
  return new VerifoneError(404, summary(problems), detailsOf(problems));
}

/** Collects problems while a body is checked, then throws them all at once. */
export class Problems {
  constructor(
    readonly prefix: string,
    readonly list: Problem[] = [],
  ) {}

  /** Problems of a nested object (`body.threed_authentication.…`), collected in the same list. */
  child(name: string): Problems {
    return new Problems(`${this.prefix}.${name}`, this.list);
  }

  add(name: string, message: string, facts?: Record<string, unknown>): void {
    this.list.push({ at: name ? `${this.prefix}.${name}` : this.prefix, message, ...(facts ? { facts } : {}) });
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw invalid(this.list);
  }
}
