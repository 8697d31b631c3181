import { Skeleton, Stack } from "@mantine/core";
import type { Filter } from "@vbo/verifone/fields";
import type { ReactNode } from "react";
import { LoadErrorAlert } from "../LoadErrorAlert.tsx";
import { EmptyResults } from "./EmptyResults.tsx";
import { type OnFiltersChange, removeFilterAt } from "./quickFilterModel.ts";
import { StaleNotice } from "./StaleNotice.tsx";

type Props<T> = {
  /** What the list holds, plural ("transactions"), and what to say when it holds nothing at all. */
  noun: string;
  noneAtAll: string;
  errorTitle: string;
  /** The list query: failed, being read again, and showing the previous view's rows while the new one loads. */
  list: { isError: boolean; error: unknown; isFetching: boolean; isPlaceholderData?: boolean };
  onRetry: () => void;
  /** The page's rows; undefined until the first answer. */
  rows: T[] | undefined;
  /** The list's filters, shown as removable chips when nothing matches; or `empty`, what to say instead. */
  filters?: Filter[];
  onFiltersChange?: OnFiltersChange;
  empty?: ReactNode;
  /** The table of a page that has rows. */
  children: (rows: T[]) => ReactNode;
};

/**
 * Where a filtered list shows: what failed (with Retry), a placeholder while loading, which filters match nothing, or
 * the table.
 */
export function ListBody<T>({
  noun,
  noneAtAll,
  errorTitle,
  list,
  onRetry,
  rows,
  filters = [],
  onFiltersChange = () => {},
  empty,
  children,
}: Props<T>) {
  if (list.isError) {
    return (
      <LoadErrorAlert
        title={errorTitle}
        error={list.error}
        onRetry={onRetry}
        retrying={list.isFetching}
        filterProblemsShownAbove
      />
    );
  }
  if (!rows) return <Skeleton height={360} data-testid="table-loading" aria-label={`Loading ${noun}`} />;
  if (rows.length === 0) {
    if (empty) return empty;
    return (
      <EmptyResults
        filters={filters}
        onRemove={(index) => onFiltersChange(removeFilterAt(filters, index))}
        onClearAll={() => onFiltersChange(() => [])}
        noun={noun}
        noneAtAll={noneAtAll}
      />
    );
  }
  if (!list.isPlaceholderData) return children(rows);
  return (
    <Stack gap="xs">
      <StaleNotice noun={noun} />
      {children(rows)}
    </Stack>
  );
}
