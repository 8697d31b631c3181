import { type Period, periodInstants } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { defaultListState, encodeListState } from "../authentications/urlState.ts";
import type { Group } from "./types.ts";

export type DrillDown = {
  /** A new Authentications URL. */
  href: string;
  /** What the list shows beyond the group, when it cannot be selected exactly; null when it is exact. */
  note: string | null;
};

/** The Authentications list of these filters, encoded the way that page's URL codec reads them. */
export function authenticationsHref(filters: Filter[]): string {
  return `/authentications?${encodeListState({ ...defaultListState, filters })}`;
}

/** The period as the created_at filters the list takes (first and last instant of the UTC days). */
export function periodFilters(period: Period): Filter[] {
  const { start, end } = periodInstants(period);
  return [
    { field: "created_at", op: "gte", value: start },
    { field: "created_at", op: "lte", value: end },
  ];
}

type Closest = {
  period: Period;
  /** The page's own filters, if any. */
  filters?: Filter[];
  /** The group in words: "“not enrolled”". */
  what: string;
  /** Why the list cannot select it. */
  why: string;
};

/**
 * Where a bar, slice or row leads: exactly its records when the API gave its `drillDown` filters, else the closest list
 * (the whole period, with the page's filters) and a note saying what differs.
 */
export function drillDownLink(group: Pick<Group, "drillDown">, closest: Closest): DrillDown {
  if (group.drillDown) return { href: authenticationsHref(group.drillDown), note: null };
  return {
    href: authenticationsHref([...(closest.filters ?? []), ...periodFilters(closest.period)]),
    note: `The list shows every authentication of the period, not only ${closest.what}: ${closest.why}.`,
  };
}
