import { authenticationFields } from "@vbo/verifone/fields";
import type express from "express";
import type { AppDeps } from "../context.ts";
import { requestIdOf } from "../requestLog.ts";
import { toAuthenticationView } from "../router/authentications.ts";
import { countQuerySchema, sortsSchema } from "../schemas/listQuery.ts";
import { permittedUser, sendCsv, type UserOf } from "./csvResponse.ts";

// Verifone's default page: big enough to keep the upstream calls few, small enough to keep memory flat.
const pageSize = 2000;
const maxRows = 1_000_000;

// Every field the spec lets us query, record fields first; the query-only card inputs are not part of a record.
const queryOnly = new Set(["encrypted_card", "public_key_alias"]);
const fields: string[] = authenticationFields.map((f) => f.field).filter((f) => !queryOnly.has(f));
const columns = [
  ...fields.filter((f) => !f.startsWith("authentication.")),
  ...fields.filter((f) => f.startsWith("authentication.")),
  "liability.liable",
  "liability.reason",
  "liability.eci",
];

const exportInput = countQuerySchema(authenticationFields).extend({ sort: sortsSchema(authenticationFields) });

/**
 * GET /export/authentications.csv?input=<JSON {filters, sort}> — every authentication matching the filters (as the
 * list shows them, with liability), fetched page by page and written as it arrives.
 */
export function authenticationsCsvHandler(deps: AppDeps, userOf: UserOf): express.RequestHandler {
  return async (req, res) => {
    if (!(await permittedUser(req, res, userOf, "authentications.read"))) return;
    let raw: unknown = {};
    try {
      raw = typeof req.query.input === "string" ? JSON.parse(req.query.input) : {};
    } catch {
      return void res.status(400).json({ message: "input must be JSON: {filters, sort}" });
    }
    const parsed = exportInput.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
      return void res.status(400).json({ message: "Bad filter", problems });
    }
    const { filters, sort } = parsed.data;
    const requestId = requestIdOf(req);
    const rows = async function* () {
      for (let skip = 0; skip < maxRows; skip += pageSize) {
        const page = await deps.verifone.threeDS.list({ filters, sort, limit: pageSize, skip }, { requestId });
        for (const record of page) yield flatten(toAuthenticationView(record));
        if (page.length < pageSize) return;
      }
    };
    await sendCsv(deps.log, req, res, `authentications-${new Date().toISOString().slice(0, 10)}.csv`, columns, rows());
  };
}

function flatten(view: ReturnType<typeof toAuthenticationView>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(view)) {
    if (key === "authentication" || key === "liability") continue;
    row[key] = value;
  }
  for (const [key, value] of Object.entries(view.authentication ?? {})) row[`authentication.${key}`] = value;
  row["liability.liable"] = view.liability.liable;
  row["liability.reason"] = view.liability.reason;
  row["liability.eci"] = view.liability.eci;
  return row;
}
