import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { audit } from "@vbo/db";
import { can } from "@vbo/domain";
import { stringify } from "csv-stringify";
import type express from "express";
import type { AppDeps, SessionUser } from "../context.ts";
import { auditFiltersInput, toAuditFilters } from "../router/audit.ts";

const columns = [
  "at",
  "actorEmail",
  "actorRole",
  "action",
  "target",
  "outcome",
  "upstreamStatus",
  "error",
  "requestId",
  "input",
];

/**
 * GET /export/audit.csv?actor=&action=&target=&outcome=&from=&to= — the filtered trail, newest first, streamed
 * (keyset pages from the database straight into the response; memory stays flat however long the trail).
 */
export function auditCsvHandler(
  deps: AppDeps,
  userOf: (req: express.Request) => Promise<SessionUser | null>,
): express.RequestHandler {
  return async (req, res) => {
    const user = await userOf(req);
    if (!user) return void res.status(401).json({ message: "Sign in to continue" });
    if (!can(user.role, "audit.read"))
      return void res.status(403).json({ message: `Your role (${user.role}) lacks the permission audit.read` });
    const parsed = auditFiltersInput.safeParse(req.query);
    if (!parsed.success) {
      return void res.status(400).json({
        message: "Bad filter",
        problems: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
      });
    }
    res.setHeader("content-type", "text/csv; charset=utf-8");
    res.setHeader("content-disposition", `attachment; filename="audit-${new Date().toISOString().slice(0, 10)}.csv"`);
    const rows = Readable.from(
      (async function* () {
        for await (const e of audit.stream(deps.db, toAuditFilters(parsed.data))) {
          yield { ...e, at: e.at.toISOString(), input: e.input === null ? "" : JSON.stringify(e.input) };
        }
      })(),
    );
    try {
      await pipeline(rows, stringify({ header: true, columns, cast: { string: neutraliseFormula } }), res);
    } catch (err) {
      req.log.error({ err }, "audit CSV export failed");
      res.destroy();
    }
  };
}

/** A cell that starts like a spreadsheet formula is prefixed with ' so opening the export never runs it. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
