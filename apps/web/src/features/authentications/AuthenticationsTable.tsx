import { Table } from "@mantine/core";
import {
  flexRender,
  getCoreRowModel,
  type OnChangeFn,
  type SortingState,
  useReactTable,
  type VisibilityState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import type { Sort } from "@vbo/verifone/fields";
import { type KeyboardEvent, useEffect, useMemo, useRef } from "react";
import classes from "./AuthenticationsTable.module.css";
import { columns } from "./columns.tsx";
import { SortHeader } from "./SortHeader.tsx";
import type { AuthenticationView } from "./types.ts";

/** Up to this many rows everything is rendered; above it only the rows in view (plus overscan) are. */
export const virtualizeAbove = 100;
const estimatedRowHeight = 41;

type Props = {
  rows: AuthenticationView[];
  sort: Sort[];
  onSortChange: (sort: Sort[]) => void;
  columnVisibility: VisibilityState;
  onOpen: (id: string) => void;
  /** Changes when another page or view is shown, to scroll back to the top. */
  pageKey: string;
  busy?: boolean;
};

const toSorting = (sort: Sort[]): SortingState => sort.map((s) => ({ id: s.field, desc: !!s.desc }));
const toSort = (sorting: SortingState): Sort[] =>
  sorting.map((s) => (s.desc ? { field: s.id, desc: true } : { field: s.id }));

export function AuthenticationsTable({ rows, sort, onSortChange, columnVisibility, onOpen, pageKey, busy }: Props) {
  const sorting = useMemo(() => toSorting(sort), [sort]);
  const onSortingChange: OnChangeFn<SortingState> = (updater) =>
    onSortChange(toSort(typeof updater === "function" ? updater(sorting) : updater));

  const table = useReactTable({
    data: rows,
    columns,
    state: { sorting, columnVisibility },
    onSortingChange,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (row, index) => row._id ?? `row-${index}`,
    defaultColumn: { cell: ({ getValue }) => (getValue() as string | undefined) ?? "—" },
    // The server sorts: clicking cycles ascending → descending → off; shift+click adds a secondary sort.
    manualSorting: true,
    enableMultiSort: true,
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

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, id: string | undefined) => {
    if (event.key === "Enter" && id) {
      event.preventDefault();
      onOpen(id);
    }
  };

  return (
    <div ref={scrollRef} className={classes.scroller} aria-busy={busy || undefined}>
      <Table
        data-testid="auth-table"
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
                <SortHeader key={header.id} header={header} multiSort={multiSort} />
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
          {visible.map(({ row, index }) =>
            row ? (
              <Table.Tr
                key={row.id}
                ref={virtualize ? virtualizer.measureElement : undefined}
                data-index={index}
                data-testid="auth-row"
                data-id={row.original._id}
                aria-rowindex={index + 2}
                tabIndex={0}
                className={classes.row}
                onClick={() => row.original._id && onOpen(row.original._id)}
                onKeyDown={(event) => onRowKeyDown(event, row.original._id)}
              >
                {row.getVisibleCells().map((cell) => (
                  <Table.Td key={cell.id} ta={cell.column.columnDef.meta?.align} className={classes.cell}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </Table.Td>
                ))}
              </Table.Tr>
            ) : null,
          )}
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
