import { transactionDateRangeProblems } from "@vbo/domain";
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

/**
 * The filters of the URL that can be sent, and why the others cannot (by their index in the URL's list): the
 * catalog's checks (field, operator, value, one bound of each kind on created_at), and Verifone's limit of one
 * month per created range (the domain's rule, which the API enforces too).
 */
export function splitTransactionFilters(filters: readonly Filter[]) {
  const problems = new Map<number, string>();
  for (const p of filterProblems(transactionFields, filters)) {
    const index = p.path[1];
    if (typeof index === "number" && !problems.has(index)) problems.set(index, p.message);
  }
  const checkable = filters.filter((_, i) => !problems.has(i));
  const indexOf = filters.map((_, i) => i).filter((i) => !problems.has(i));
  for (const p of transactionDateRangeProblems(checkable)) problems.set(indexOf[p.index] as number, p.message);
  return applicableFilters(filters, problems);
}
