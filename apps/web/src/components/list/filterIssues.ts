import type { Filter } from "@vbo/verifone/fields";
import { useMemo } from "react";
import { errorInfo, type Problem } from "../../api/errorInfo.ts";

/**
 * The filters of the URL that can be sent, given why the others cannot (`problems`, by their index in the URL's
 * list). `appliedIndex[i]` is the position in the URL's list of the i-th applied filter.
 */
export function applicableFilters(filters: readonly Filter[], problems: Map<number, string>) {
  const appliedIndex = filters.map((_, i) => i).filter((i) => !problems.has(i));
  return { problems, applied: appliedIndex.map((i) => filters[i] as Filter), appliedIndex };
}

/**
 * The problems of the URL's filters: those found before sending, plus those the server found (BAD_REQUEST), which
 * point into the applied filters it was sent and are moved onto the URL's filter.
 */
export function withServerProblems(
  local: ReadonlyMap<number, string>,
  server: readonly Problem[],
  appliedIndex: readonly number[],
): Map<number, string> {
  const issues = new Map(local);
  for (const p of server) {
    const original = p.path[0] === "filters" && typeof p.path[1] === "number" ? appliedIndex[p.path[1]] : undefined;
    if (original !== undefined) issues.set(original, p.message);
  }
  return issues;
}

/** `withServerProblems` for the list query's error (null when it did not fail). */
export function useFilterIssues(
  local: ReadonlyMap<number, string>,
  listError: unknown,
  appliedIndex: readonly number[],
) {
  return useMemo(
    () => withServerProblems(local, listError ? errorInfo(listError).problems : [], appliedIndex),
    [local, listError, appliedIndex],
  );
}
