/** A write refused because it would duplicate something unique; `field` names what clashed. */
export class ConflictError extends Error {
  override readonly name = "ConflictError";
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** PostgreSQL's unique_violation, as both drivers report it, optionally for one named constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, constraint: name } = error as { code?: unknown; constraint?: unknown };
  return code === "23505" && (constraint === undefined || name === constraint);
}
