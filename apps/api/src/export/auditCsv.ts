import { audit } from "@vbo/db";
import type express from "express";
import type { AppDeps } from "../context.ts";
import { auditFiltersInput, toAuditFilters } from "../router/audit.ts";
import { permittedUser, sendCsv, type UserOf } from "./csvResponse.ts";

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
export function auditCsvHandler(deps: AppDeps, userOf: UserOf): express.RequestHandler {
  return async (req, res) => {
    if (!(await permittedUser(req, res, userOf, "audit.read"))) return;
    const parsed = auditFiltersInput.safeParse(req.query);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
      return void res.status(400).json({ message: "Bad filter", problems });
    }
    const rows = async function* () {
      for await (const e of audit.stream(deps.db, toAuditFilters(parsed.data))) {
        yield { ...e, at: e.at.toISOString(), input: e.input === null ? "" : JSON.stringify(e.input) };
      }
    };
    await sendCsv(deps.log, req, res, `audit-${new Date().toISOString().slice(0, 10)}.csv`, columns, rows());
  };
}
