import { Table } from "@mantine/core";
import {
  type ColumnDef,
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type RowData,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { Sort } from "@vbo/verifone/fields";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { useLocation } from "react-router";
import classes from "./ListTable.module.css";
import { rememberOpenedRow, rowMove, takeOpenedRow } from "./rowFocus.ts";
import { SortHeader } from "./SortHeader.tsx";

declare module "@tanstack/react-table" {
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Header text, also the sort button's accessible name and the column chooser's label. */
    label: string;
    align?: "right";
    mono?: boolean;
    /** The column holds times: its header names the zone they are shown in ("Created (Europe/Berlin)"). */
    zoned?: boolean;
  }
}

/** Up to this many rows everything is rendered; above it only the rows in view (plus overscan) are. */
export const virtualizeAbove = 100;
const estimatedRowHeight = 41;

export type ListTableProps<T> = {
  rows: T[];
  // biome-ignore lint/suspicious/noExplicitAny: TanStack's column helpers produce ColumnDef<T, any>
  columns: ColumnDef<T, any>[];
  /** The record's id: the row's key, its `data-id`, and what `onOpen` receives. */
  rowId: (row: T) => string | undefined;
  sort: Sort[];
  onSortChange: (sort: Sort[]) => void;
  columnVisibility: VisibilityState;
  onOpen: (id: string) => void;
  /** Changes when another page or view is shown, to scroll back to the top. */
  pageKey: string;
  busy?: boolean;
  /** Shift+click adds a further sort key; off for a list that sorts on one field at most. */
  multiSort?: boolean;
  /** Test hooks of the table and of each row. */
  testIds: { table: string; row: string };
};

const toSorting = (sort: Sort[]): SortingState => sort.map((s) => ({ id: s.field, desc: !!s.desc }));
const toSort = (sorting: SortingState): Sort[] =>
  sorting.map((s) => (s.desc ? { field: s.id, desc: true } : { field: s.id }));

/** A server-sorted list of records, one clickable row each, virtualised for long pages. */
export function ListTable<T>(props: ListTableProps<T>) {
  const { rows, columns, rowId, sort, onSortChange, columnVisibility, onOpen, pageKey, busy, testIds } = props;
  const multiSortAllowed = props.multiSort ?? true;
  const sorting = useMemo(() => toSorting(sort), [sort]);
  const onSortingChange: OnChangeFn<SortingState> = (updater) =>
    onSortChange(toSort(typeof updater === "function" ? updater(sorting) : updater));

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => rowId(row) ?? `row-${index}`,
    defaultColumn: { cell: ({ getValue }) => (getValue() as string | undefined) ?? "—" },
    // The server sorts: clicking cycles ascending → descending → off; shift+click adds a secondary sort.
    manualSorting: true,
    enableMultiSort: multiSortAllowed,
    sortDescFirst: false,
  });

  const scrollRef = useRef<HTMLDivElement>(null);
  const tableRows = table.getRowModel().rows;
  const virtualize = tableRows.length > virtualizeAbove;
  const virtualizer = useVirtualizer({
    count: virtualize ? tableRows.length : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimatedRowHeight,
    overscan: 10,
    initialRect: { width: 1200, height: 800 },
  });

  useEffect(() => {
    if (scrollRef.current && pageKey) scrollRef.current.scrollTop = 0;
  }, [pageKey]);

  const virtualItems = virtualize ? virtualizer.getVirtualItems() : [];
  const visible = virtualize
    ? virtualItems.map((v) => ({ row: tableRows[v.index], index: v.index }))
    : tableRows.map((row, index) => ({ row, index }));
  const paddingTop = virtualItems[0]?.start ?? 0;
  const paddingBottom = virtualize ? virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0) : 0;
  const columnCount = table.getVisibleLeafColumns().length;
  const multiSort = sort.length > 1;

  // One Tab stop for the whole table (roving tabindex): the active row takes focus, arrow keys move between rows.
  const { pathname } = useLocation();
  const [activeIndex, setActiveIndex] = useState(0);
  const active = Math.min(activeIndex, Math.max(0, tableRows.length - 1));
  // The active row may be scrolled out of a virtualised page: then the first row rendered is the table's Tab stop.
  const tabbable = visible.some((v) => v.index === active) ? active : (visible[0]?.index ?? 0);
  const focusRow = (index: number) => {
    setActiveIndex(index);
    if (virtualize) virtualizer.scrollToIndex(index);
    // A virtualised row may only exist after the scroll renders it.
    requestAnimationFrame(() =>
      scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"]`)?.focus({ preventScroll: !virtualize }),
    );
  };
  const open = (id: string, index: number) => {
    setActiveIndex(index);
    rememberOpenedRow(testIds.table, id, pathname);
    onOpen(id);
  };

  // Back from the record (drawer closed, or the record page's back link): focus returns to the row it came from.
  useEffect(() => {
    const ids = tableRows.map((row) => rowId(row.original));
    const id = takeOpenedRow(testIds.table, pathname, (candidate) => ids.includes(candidate));
    if (id === null) return;
    focusRow(ids.indexOf(id));
  });

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, id: string | undefined, index: number) => {
    if (event.key === "Enter" && id) {
      event.preventDefault();
      open(id, index);
      return;
    }
    const next = rowMove(event.key, index, tableRows.length);
    if (next === null) return;
    event.preventDefault();
    focusRow(next);
  };

  return (
    <div ref={scrollRef} className={classes.scroller} aria-busy={busy || undefined}>
      <Table
        data-testid={testIds.table}
        stickyHeader
        highlightOnHover
        verticalSpacing={6}
        className={busy ? classes.busy : undefined}
        aria-rowcount={tableRows.length + 1}
      >
        <Table.Thead>
          {table.getHeaderGroups().map((group) => (
            <Table.Tr key={group.id}>
              {group.headers.map((header) => (
                <SortHeader key={header.id} header={header} multiSort={multiSort} canAddSort={multiSortAllowed} />
              ))}
            </Table.Tr>
          ))}
        </Table.Thead>
        <Table.Tbody>
          {paddingTop > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingTop, padding: 0, border: 0 }} />
            </tr>
          )}
          {visible.map(({ row, index }) => {
            if (!row) return null;
            const id = rowId(row.original);
            return (
              <Table.Tr
                key={row.id}
                ref={virtualize ? virtualizer.measureElement : undefined}
                data-index={index}
                data-testid={testIds.row}
                data-id={id}
                aria-rowindex={index + 2}
                tabIndex={index === tabbable ? 0 : -1}
                className={classes.row}
                onClick={() => id && open(id, index)}
                onFocus={() => index !== activeIndex && setActiveIndex(index)}
                onKeyDown={(event) => onRowKeyDown(event, id, index)}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align} className={classes.cell}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden>
              <td colSpan={columnCount} style={{ height: paddingBottom, padding: 0, border: 0 }} />
            </tr>
          )}
        </Table.Tbody>
      </Table>
    </div>
  );
}
