import { describeStoredCredential, liabilityFilterValues, matchesLiabilityFilter } from "@vbo/domain";

import type express from "express";
import { z } from "zod";
import type { AppDeps } from "../context.ts";
import { requestIdOf, requestLogger } from "../requestLog.ts";
import { queryIssues } from "../router/transactions.ts";
import { filterSchema, sortSchema } from "../schemas/listQuery.ts";
import { type TransactionView, transactionViews } from "../transactions/views.ts";
import { permittedUser, sendCsv, type UserOf } from "./csvResponse.ts";

// The largest page the API itself lists; `_skip` counts pages on this endpoint, so skip stays a multiple of it.
const pageSize = 1000;
const maxRows = 1_000_000;

// The list item's facts worth a column (masked card only; no CAVV or other authentication secrets), then the
// 3-D Secure block sent with the payment, then the verdict the list shows.
const recordColumns = [
  "id",
  "created_at",
  "transaction_type",
  "transaction_status",
  "status",
  "amount",
  "amount_minor",
  "currency_code",
  "parent_id",
  "merchant_reference",
  "invoice_number",
  "customer",
  "card_brand",
  "payment_product_type",
  "masked_card_number",
  "shopper_interaction",
  "reason_code",
  "rrn",
  "stan",
  "arn",
  "country_code",
] as const;
const threeDSColumns = ["threeds_version", "enrolled", "pares_status", "eci_flag", "ds_transaction_id"] as const;
const columns = [
  ...recordColumns,
  ...threeDSColumns.map((c) => `threed_authentication.${c}`),
  "stored_credential",
  "liability.liable",
  "liability.reason",
  "liability.eci",
  "liability.of",
];

/** What the list shows, plus a liability filter applied here: Verifone's transactions grammar cannot filter it. */
export const transactionExportInput = z
  .object({
    filters: z.array(filterSchema).max(100).default([]),
    sort: z.array(sortSchema).max(1).default([]),
    liability: z.array(z.enum(liabilityFilterValues)).max(liabilityFilterValues.length).default([]),
  })
  .superRefine(queryIssues);

/**
 * GET /export/transactions.csv?input=<JSON {filters, sort, liability}> — every transaction matching the filters (a
 * created range of at most a month, as Verifone lists them; without one Verifone lists the last 7 days), with the
 * liability the list shows, fetched page by page and written as it arrives.
 */
export function transactionsCsvHandler(deps: AppDeps, userOf: UserOf): express.RequestHandler {
  return async (req, res) => {
    if (!(await permittedUser(req, res, userOf, "transactions.read"))) return;
    let raw: unknown = {};
    try {
      raw = typeof req.query.input === "string" ? JSON.parse(req.query.input) : {};
    } catch {
      return void res.status(400).json({ message: "input must be JSON: {filters, sort, liability}" });
    }
    const parsed = transactionExportInput.safeParse(raw);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => ({ path: i.path, message: i.message }));
      return void res.status(400).json({ message: "Bad filter", problems });
    }
    const { filters, sort, liability } = parsed.data;
    const ctx = { verifone: deps.verifone, requestId: requestIdOf(req), log: requestLogger(req, deps.log) };
    const rows = async function* () {
      for (let skip = 0; skip < maxRows; skip += pageSize) {
        const page = await deps.verifone.transactions.list(
          { filters, sort, limit: pageSize, skip },
          { requestId: ctx.requestId },
        );
        for (const view of await transactionViews(ctx, page)) {
          if (matchesLiabilityFilter(view.liability, liability)) yield flatten(view);
        }
        if (page.length < pageSize) return;
      }
    };
    const day = new Date().toISOString().slice(0, 10);
    await sendCsv(deps.log, req, res, `transactions-${day}.csv`, columns, rows());
  };
}

function flatten(view: TransactionView): Record<string, unknown> {
  const record = view as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const c of recordColumns) row[c] = record[c];
  const block = (view.threed_authentication ?? {}) as Record<string, unknown>;
  for (const c of threeDSColumns) row[`threed_authentication.${c}`] = block[c];
  row.stored_credential = describeStoredCredential(view)?.summary;
  row["liability.liable"] = view.liability?.liable ?? "UNKNOWN";
  row["liability.reason"] = view.liability?.reason;
  row["liability.eci"] = view.liability?.eci;
  row["liability.of"] = view.liabilityOf;
  return row;
}
