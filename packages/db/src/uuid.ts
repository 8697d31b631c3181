const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lets lookups answer "not found" for a malformed id instead of a PostgreSQL syntax error. */
export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}
