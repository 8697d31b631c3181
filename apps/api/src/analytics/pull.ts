// Pulling one created_at window from Verifone into the store, page by page.
import { analytics, type Db } from "@vbo/db";
import { authenticationLookupFilters, findMatchingAuthentication } from "@vbo/domain";
import type { ThreeDSAuthentication, VerifoneClient } from "@vbo/verifone";
import type { Filter } from "@vbo/verifone/fields";
import { authenticationRow, paymentRow } from "./records.ts";

export type Window = { start: Date; end: Date };

/** The eCommerce list takes at most a one-month created range per query; 3DS windows use the same steps. */
export const maxWindowMs = 28 * 86_400_000;

/** Largest page either list serves (`_limit` 1..10000). */
export const pageSize = 10_000;

/** ds_transaction_id lookups per GET /v2/3d (several eq, OR'ed), kept well inside a URL's length. */
const lookupBatch = 50;

const createdWithin = (w: Window): Filter[] => [
  { field: "created_at", op: "gte", value: w.start.toISOString() },
  { field: "created_at", op: "lte", value: w.end.toISOString() },
];

/** [start, end] cut into windows no longer than maxWindowMs, in the order asked for. */
export function windowsOf(start: Date, end: Date, newestFirst: boolean): Window[] {
  const windows: Window[] = [];
  for (let s = start.getTime(); s < end.getTime(); s += maxWindowMs) {
    windows.push({ start: new Date(s), end: new Date(Math.min(end.getTime(), s + maxWindowMs)) });
  }
  return newestFirst ? windows.reverse() : windows;
}

export type PullDeps = { db: Db; verifone: VerifoneClient; requestId: string };

/** Every authentication created in the window (GET /v2/3d: `_skip` counts records), upserted. Returns how many. */
export async function pullAuthentications(deps: PullDeps, window: Window): Promise<number> {
  let pulled = 0;
  for (let skip = 0; ; skip += pageSize) {
    const page = await deps.verifone.threeDS.list(
      { filters: createdWithin(window), limit: pageSize, skip },
      { requestId: deps.requestId },
    );
    const rows = page.map(authenticationRow).filter((r) => r !== null);
    await analytics.upsertAuthentications(deps.db, rows);
    pulled += page.length;
    if (page.length < pageSize) return pulled;
  }
}

/** Lookup queries in flight at once for one page of payments. */
const lookupConcurrency = 4;

/** The 3-D Secure authentications of a page of payments lacking a signature verdict, 50 ids per query. */
async function matchingAuthentications(deps: PullDeps, filters: Filter[]): Promise<ThreeDSAuthentication[]> {
  const batches: Filter[][] = [];
  for (let i = 0; i < filters.length; i += lookupBatch) batches.push(filters.slice(i, i + lookupBatch));
  const found: ThreeDSAuthentication[] = [];
  for (let i = 0; i < batches.length; i += lookupConcurrency) {
    const pages = await Promise.all(
      batches
        .slice(i, i + lookupConcurrency)
        .map((batch) =>
          deps.verifone.threeDS.list({ filters: batch, limit: batch.length * 2 }, { requestId: deps.requestId }),
        ),
    );
    for (const page of pages) found.push(...page);
  }
  return found;
}

/**
 * Every transaction created in the window (GET /api/v2/transactions: created_start / created_end, and `_skip` counts
 * pages — the client converts), its payments upserted with their verdict completed from the matching
 * authentication, and ids that are not (or no longer) payments removed. Returns how many transactions were read.
 */
export async function pullPayments(deps: PullDeps, window: Window): Promise<number> {
  let pulled = 0;
  for (let skip = 0; ; skip += pageSize) {
    const page = await deps.verifone.transactions.list(
      { filters: createdWithin(window), limit: pageSize, skip },
      { requestId: deps.requestId },
    );
    const authentications = await matchingAuthentications(deps, authenticationLookupFilters(page));
    const rows: ReturnType<typeof paymentRow>[] = [];
    const notPayments: string[] = [];
    for (const tx of page) {
      const row = paymentRow(tx, findMatchingAuthentication(tx, authentications));
      if (row) rows.push(row);
      else if (tx.id) notPayments.push(tx.id);
    }
    await analytics.upsertPayments(
      deps.db,
      rows.filter((r) => r !== null),
    );
    await analytics.removePayments(deps.db, notPayments);
    pulled += page.length;
    if (page.length < pageSize) return pulled;
  }
}
