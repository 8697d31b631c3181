import {
  amountFilterProblems,
  isLiabilityFilterValue,
  type LiabilityFilterValue,
  liabilityFilterValues,
  transactionDateRangeProblems,
} from "@vbo/domain";
import { type FieldSpec, type Filter, filterProblems, transactionFields } from "@vbo/verifone/fields";
import { applicableFilters } from "../../components/list/filterIssues.ts";
import { listStateCodec } from "../../components/list/listStateCodec.ts";

/**
 * `f=liability~eq~ISSUER`: who carries fraud liability. Not one of Verifone's filters (its transactions grammar has no
 * 3-D Secure field): it travels in the URL like the others, is never sent upstream, and keeps the rows of the page
 * shown whose verdict it names (the export applies it to every row).
 */
export const liabilityFilterSpec: FieldSpec = {
  field: "liability",
  type: "string",
  ops: ["eq"],
  sortable: false,
  description: "Who carries fraud liability; applied to the rows Verifone returned, not by Verifone",
  enum: liabilityFilterValues,
};

const catalog = [...transactionFields, liabilityFilterSpec];

/**
 * The transactions list in the URL: the same `?f=field~op~value&sort=…&limit=…&skip=…` as authentications, checked
 * against GET /api/v2/transactions' own catalog — one sort key at most (created_at), pages of at most 1,000, and
 * `skip` a whole number of pages, because Verifone's `_skip` counts pages on this endpoint.
 */
export const transactionsListCodec = listStateCodec({
  catalog,
  defaultSort: [{ field: "created_at", desc: true }],
  maxSorts: 1,
  maxLimit: 1000,
  skipInPages: true,
});

export const transactionPageSizes = [25, 50, 100, 250, 500, 1000] as const;

/**
 * The filters of the URL that can be sent, and why the others cannot (by their index in the URL's list): the
 * catalog's checks (field, operator, value, one bound of each kind on created_at), and Verifone's limit of one
 * month per created range (the domain's rule, which the API enforces too). The liability filter is taken out of
 * what is sent: `liability` lists the verdicts it keeps.
 */
export function splitTransactionFilters(filters: readonly Filter[]) {
  const problems = new Map<number, string>();
  // Said first: a decimal comma or an unknown currency, in words, rather than the catalog's "must be a number".
  for (const p of amountFilterProblems(filters)) problems.set(p.index, p.message);
  for (const p of filterProblems(catalog, filters)) {
    const index = p.path[1];
    if (typeof index === "number" && !problems.has(index)) problems.set(index, p.message);
  }
  const checkable = filters.map((_, i) => i).filter((i) => !problems.has(i));
  const ranged = checkable.map((i) => filters[i] as Filter);
  for (const p of transactionDateRangeProblems(ranged)) problems.set(checkable[p.index] as number, p.message);
  const { applied, appliedIndex } = applicableFilters(filters, problems);
  const upstream = applied
    .map((f, i) => ({ f, i: appliedIndex[i] as number }))
    .filter(({ f }) => f.field !== "liability");
  const liability = [
    ...new Set(applied.filter((f) => f.field === "liability").map((f) => String(f.value).toUpperCase())),
  ].filter(isLiabilityFilterValue) as LiabilityFilterValue[];
  return { problems, applied: upstream.map(({ f }) => f), appliedIndex: upstream.map(({ i }) => i), liability };
}
