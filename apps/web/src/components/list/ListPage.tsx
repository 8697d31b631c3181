import { Group, Stack, Text, Title } from "@mantine/core";
import type { VisibilityState } from "@tanstack/react-table";
import type { SavedViewPage } from "@vbo/domain";
import type { ComponentProps, ReactNode } from "react";
import type { DateRangeParams } from "../views/relativePeriod.ts";
import { SavedViewsMenu } from "../views/SavedViewsMenu.tsx";
import { ColumnChooser } from "./ColumnChooser.tsx";
import { CopyViewLink } from "./CopyViewLink.tsx";
import { ListBody } from "./ListBody.tsx";
import { ListTotals } from "./ListTotals.tsx";
import { PaginationBar } from "./PaginationBar.tsx";
import { UrlProblemsAlert } from "./UrlProblemsAlert.tsx";
import type { pageMoves } from "./useListState.ts";
import type { UrlProblem } from "./useUrlState.ts";

type Props<T> = {
  title: string;
  /** A line under the title. */
  description?: ReactNode;
  /** What the list holds, plural ("transactions"): said by the totals, the loading and the empty states. */
  noun: string;
  /** The page's own buttons (an export), between the saved views menu and the copy-link button. */
  actions?: ReactNode;
  views: { page: SavedViewPage; dates: DateRangeParams };
  /** The column chooser, for a page whose table has one (saved views then keep the columns too). */
  columns?: {
    visibility: VisibilityState;
    onChange: (visibility: VisibilityState) => void;
    all: ComponentProps<typeof ColumnChooser>["columns"];
  };
  /** The page's view in the URL (useListState, useAuditState): its page, its moves, what the link could not say. */
  view: {
    state: { skip: number; limit: number };
    paging: ReturnType<typeof pageMoves>;
    problems: UrlProblem[];
    dropUnreadable: () => void;
  };
  filterBar: ReactNode;
  /** Between the filter bar and the totals (a summary of the view). */
  summary?: ReactNode;
  totals: Omit<ComponentProps<typeof ListTotals>, "noun" | "skip" | "shown">;
  /** Beside the totals (what the number covers). */
  totalsNote?: ReactNode;
  /** Above the rows (a filter applied here rather than by the API). */
  notice?: ReactNode;
  body: Omit<ComponentProps<typeof ListBody<T>>, "noun">;
  /** The rows of the page as the API returned them, how many there are (undefined: not known), the page sizes. */
  pages: { shown: number; total: number | undefined; sizes: readonly number[] };
  /** After the list (a child route: the record drawer). */
  children?: ReactNode;
};

/**
 * The one shell of the list pages (authentications, transactions, the audit trail): title and actions (saved views,
 * export, copy link), what the link could not say, the filter bar, the totals and the column chooser, the rows (or
 * why there are none, or the previous view's while the new one loads) and the pagination. Each page brings its URL
 * codec, its queries, its columns and its filter bar.
 */
export function ListPage<T>(props: Props<T>) {
  const { title, description, noun, actions, views, columns, view, filterBar, summary, totals, pages } = props;
  const { skip, limit } = view.state;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{title}</Title>
          {description && (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        <Group gap="xs">
          <SavedViewsMenu
            page={views.page}
            columns={columns && { visibility: columns.visibility, onChange: columns.onChange }}
            dates={views.dates}
          />
          {actions}
          <CopyViewLink />
        </Group>
      </Group>
      <UrlProblemsAlert problems={view.problems} onDrop={view.dropUnreadable} />
      {filterBar}
      {summary}
      <Group justify="space-between" gap="sm">
        <ListTotals noun={noun} skip={skip} shown={pages.shown} {...totals} />
        {props.totalsNote}
        {columns && <ColumnChooser visibility={columns.visibility} onChange={columns.onChange} columns={columns.all} />}
      </Group>
      {props.notice}
      <ListBody noun={noun} {...props.body} />
      <PaginationBar skip={skip} limit={limit} {...pages} {...view.paging} />
      {props.children}
    </Stack>
  );
}
