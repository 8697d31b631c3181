import type { Queryable } from "./driver.ts";
import { oneRow } from "./oneRow.ts";
import { isUuid } from "./uuid.ts";

// Append-only: this file has no UPDATE or DELETE, and a trigger (001_initial) refuses them — and TRUNCATE — anyway.

export const auditOutcomes = ["success", "failure", "refused"] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];

export interface NewAuditEvent {
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  /** e.g. "transactions.refund", "auth.login". */
  action: string;
  /** What was acted on, e.g. a transaction id or a user's email. */
  target: string | null;
  /** The request input with secrets already removed by the caller; stored as jsonb. */
  input?: unknown;
  upstreamStatus?: number | null;
  outcome: AuditOutcome;
  error?: string | null;
  requestId?: string | null;
  /** Defaults to the database clock; tests pass one to build a history. */
  at?: Date;
}

export interface AuditEvent {
  /** A bigint, as a string. */
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorRole: string | null;
  action: string;
  target: string | null;
  input: unknown;
  upstreamStatus: number | null;
  outcome: AuditOutcome;
  error: string | null;
  requestId: string | null;
}

export interface AuditFilters {
  /** An actor's id (uuid), or part of their email or name. */
  actor?: string;
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  /** Inclusive. */
  from?: Date;
  /** Inclusive. */
  to?: Date;
}

export async function append(db: Queryable, event: NewAuditEvent): Promise<AuditEvent> {
  const { rows } = await db.query<AuditRow>(
    `INSERT INTO audit_event
       (at, actor_id, actor_email, actor_role, action, target, input, upstream_status, outcome, error, request_id)
     VALUES (coalesce($1::timestamptz, now()), $2, $3, $4, $5, $6, $7::text::jsonb, $8, $9, $10, $11)
     RETURNING ${auditColumns}`,
    [
      event.at ?? null,
      event.actorId,
      event.actorEmail?.toLowerCase() ?? null,
      event.actorRole,
      event.action,
      event.target,
      event.input === undefined ? null : JSON.stringify(event.input),
      event.upstreamStatus ?? null,
      event.outcome,
      event.error ?? null,
      event.requestId ?? null,
    ],
  );
  return toAuditEvent(oneRow(rows));
}

/** One page, newest first, with the number of events matching the filters. */
export async function list(
  db: Queryable,
  query: AuditFilters & { limit: number; skip: number },
): Promise<{ items: AuditEvent[]; count: number }> {
  checkInteger("limit", query.limit, 1, 10_000);
  checkInteger("skip", query.skip, 0, Number.MAX_SAFE_INTEGER);
  const { where, params } = whereOf(query);
  const page = await db.query<AuditRow>(
    `SELECT ${auditColumns} FROM audit_event ${where} ORDER BY at DESC, id DESC
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, query.limit, query.skip],
  );
  const total = await db.query<{ count: number }>(`SELECT count(*)::int AS count FROM audit_event ${where}`, params);
  return { items: page.rows.map(toAuditEvent), count: oneRow(total.rows).count };
}

/**
 * Every matching event, newest first, fetched `batchSize` at a time with keyset pagination on (at, id) — constant
 * memory and no OFFSET cost, for CSV export. Events appended while streaming and newer than the first page are not
 * included.
 */
export async function* stream(
  db: Queryable,
  filters: AuditFilters,
  options: { batchSize?: number } = {},
): AsyncGenerator<AuditEvent> {
  const batchSize = options.batchSize ?? 1000;
  checkInteger("batchSize", batchSize, 1, 10_000);
  const { where, params } = whereOf(filters);
  let after: { at: Date; id: string } | null = null;
  for (;;) {
    const keyset: string = after
      ? `${where ? `${where} AND` : "WHERE"} (at, id) < ($${params.length + 2}, $${params.length + 3}::bigint)`
      : where;
    const { rows }: { rows: AuditRow[] } = await db.query<AuditRow>(
      `SELECT ${auditColumns} FROM audit_event ${keyset} ORDER BY at DESC, id DESC LIMIT $${params.length + 1}`,
      after ? [...params, batchSize, after.at, after.id] : [...params, batchSize],
    );
    for (const row of rows) yield toAuditEvent(row);
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { at: last.at, id: last.event_id };
  }
}

function whereOf(filters: AuditFilters): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace("?", `$${params.length}`));
  };
  if (filters.actor !== undefined) {
    if (isUuid(filters.actor)) add("actor_id = ?", filters.actor);
    else {
      // Part of an email or of a staff member's name, case-insensitively ("carol", "@demo", "Smith").
      add(
        "(actor_email LIKE ? OR actor_id IN (SELECT id FROM staff_user WHERE lower(name) LIKE ?))",
        containsPattern(filters.actor),
      );
      clauses[clauses.length - 1] = (clauses.at(-1) as string).replace("?", `$${params.length}`);
    }
  }
  if (filters.action !== undefined) add("action = ?", filters.action);
  if (filters.target !== undefined) add("target = ?", filters.target);
  if (filters.outcome !== undefined) add("outcome = ?", filters.outcome);
  if (filters.from !== undefined) add("at >= ?", filters.from);
  if (filters.to !== undefined) add("at <= ?", filters.to);
  return { where: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

/** A LIKE pattern matching text that contains `part` (lower-cased; `%`, `_` and `\\` taken literally). */
function containsPattern(part: string): string {
  return `%${part
    .trim()
    .toLowerCase()
    .replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function checkInteger(field: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${field} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

// id as text: pg returns bigint as a string, PGlite as a number — one shape for both. Aliased, so that ORDER BY id
// still means the bigint column, not the text.
const auditColumns =
  "id::text AS event_id, at, actor_id, actor_email, actor_role, action, target, input, upstream_status, outcome, error, request_id";

interface AuditRow {
  event_id: string;
  at: Date;
  actor_id: string | null;
  actor_email: string | null;
  actor_role: string | null;
  action: string;
  target: string | null;
  input: unknown;
  upstream_status: number | null;
  outcome: AuditOutcome;
  error: string | null;
  request_id: string | null;
}

function toAuditEvent(row: AuditRow): AuditEvent {
  return {
    id: row.event_id,
    at: row.at,
    actorId: row.actor_id,
    actorEmail: row.actor_email,
    actorRole: row.actor_role,
    action: row.action,
    target: row.target,
    input: row.input,
    upstreamStatus: row.upstream_status,
    outcome: row.outcome,
    error: row.error,
    requestId: row.request_id,
  };
}
