import { useQueries, useQuery } from "@tanstack/react-query";
import type { Filter, Period } from "@vbo/domain";
import { useTRPC } from "../../trpc.ts";
import type { TimeBucket } from "./periodPresets.ts";

/** The breakdowns the page shows besides "over time", in the order of the page. */
export const breakdownDimensions = ["card_brand", "threeds_version", "reason", "currency_code", "eci_flag"] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

/** While the back-fill runs, the status and the figures are asked for again this often. */
const refreshMs = 15_000;

/**
 * Every answer the page needs, asked for in the same render (so tRPC batches them into one round trip, no waterfall):
 * the period over time with the previous period's total, payments' money per currency, the store's status, and each
 * breakdown.
 */
export function useAnalyticsData(period: Period, bucket: TimeBucket, compare: boolean, filters: Filter[]) {
  const trpc = useTRPC();
  const base = { from: period.from, to: period.to };
  const filtered = { ...base, filters };
  const status = useQuery(
    trpc.analytics.status.queryOptions(undefined, {
      refetchInterval: (query) => (query.state.data?.backfill.done === false ? refreshMs : false),
    }),
  );
  // While the history loads, the partial figures are asked for again too, so they grow on screen until final.
  const live = { refetchInterval: status.data?.backfill.done === false ? refreshMs : (false as const) };
  const overTime = useQuery(trpc.analytics.authentications.queryOptions({ ...filtered, by: bucket, compare }, live));
  // Payments' store holds no card brand filter; their rows by brand give one brand's money.
  const payments = useQuery(trpc.analytics.payments.queryOptions({ ...base, by: "card_brand", compare }, live));
  const breakdownList = useQueries({
    // The brand breakdown always shows every brand (it is where one is picked); the others follow the page's filters.
    queries: breakdownDimensions.map((by) =>
      trpc.analytics.authentications.queryOptions(by === "card_brand" ? { ...base, by } : { ...filtered, by }, live),
    ),
  });
  const breakdowns = Object.fromEntries(breakdownDimensions.map((d, i) => [d, breakdownList[i]])) as Record<
    BreakdownDimension,
    (typeof breakdownList)[number]
  >;
  return { overTime, payments, status, breakdowns };
}
