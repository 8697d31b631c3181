import { type Filter, filterProblems, transactionFields } from "@vbo/verifone/fields";
import { applicableFilters } from "../../components/list/filterIssues.ts";
import { listStateCodec } from "../../components/list/listStateCodec.ts";

/**
 * The transactions list in the URL: the same `?f=field~op~value&sort=…&limit=…&skip=…` as authentications, checked
 * against GET /api/v2/transactions' own catalog — one sort key at most (created_at), pages of at most 1,000, and
 * `skip` a whole number of pages, because Verifone's `_skip` counts pages on this endpoint.
 */
export const transactionsListCodec = listStateCodec({
  catalog: transactionFields,
  defaultSort: [{ field: "created_at", desc: true }],
  maxSorts: 1,
  maxLimit: 1000,
  skipInPages: true,
});

export const transactionPageSizes = [25, 50, 100, 250, 500, 1000] as const;

const monthAfter = (ms: number) => {
  const d = new Date(ms);
  d.setUTCMonth(d.getUTCMonth() + 1);
  return d.getTime();
};

/**
 * The filters of the URL that can be sent, and why the others cannot (by their index in the URL's list): the
 * catalog's checks (field, operator, value, one bound of each kind on created_at), and Verifone's limit of one
 * month per created range — refused upstream with a message that does not say so.
 */
export function splitTransactionFilters(filters: readonly Filter[]) {
  const problems = new Map<number, string>();
  for (const p of filterProblems(transactionFields, filters)) {
    const index = p.path[1];
    if (typeof index === "number" && !problems.has(index)) problems.set(index, p.message);
  }
  const bound = (op: "gte" | "lte") =>
    filters.findIndex((f, i) => !problems.has(i) && f.field === "created_at" && f.op === op);
  const [from, to] = [bound("gte"), bound("lte")];
  if (from >= 0 && to >= 0) {
    const start = Date.parse(String(filters[from]?.value));
    const endText = String(filters[to]?.value);
    // A date-only end means that whole (UTC) day, as Verifone reads it.
    const end = Date.parse(endText) + (/^\d{4}-\d{2}-\d{2}$/.test(endText) ? 86_399_999 : 0);
    if (end > monthAfter(start)) {
      const message = "Verifone lists at most one month of transactions at a time: narrow the created range";
      problems.set(from, message);
      problems.set(to, message);
    } else if (end < start) {
      problems.set(to, "the end of the created range is before its start");
    }
  }
  return applicableFilters(filters, problems);
}
