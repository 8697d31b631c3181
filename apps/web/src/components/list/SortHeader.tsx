import { Table, UnstyledButton } from "@mantine/core";
import { IconArrowDown, IconArrowsSort, IconArrowUp } from "@tabler/icons-react";
import type { Header } from "@tanstack/react-table";
import { withZone } from "../../time/formatTime.ts";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import { ZoneHeading } from "../../time/ZoneHeading.tsx";
import classes from "./ListTable.module.css";

const ariaSort = { asc: "ascending", desc: "descending" } as const;

/**
 * A column header (a column of times also names their zone). Sortable ones are buttons named by the column label (the arrow and the order number are
 * decoration); click cycles ascending → descending → off, shift+click adds the column as a further sort key
 * (unless `canAddSort` is false: a list sorted on one field at most).
 */
export function SortHeader<T>({
  header,
  multiSort,
  canAddSort = true,
}: {
  header: Header<T, unknown>;
  multiSort: boolean;
  canAddSort?: boolean;
}) {
  const { column } = header;
  const zone = useTimeZone();
  const plain = column.columnDef.meta?.label ?? column.id;
  const zoned = Boolean(column.columnDef.meta?.zoned);
  const label = zoned ? withZone(plain, zone) : plain;
  const shown = zoned ? <ZoneHeading label={plain} /> : plain;
  const direction = column.getIsSorted();
  const align = column.columnDef.meta?.align;
  if (!column.getCanSort()) {
    return <Table.Th ta={align}>{shown}</Table.Th>;
  }
  const Arrow = direction === "asc" ? IconArrowUp : direction === "desc" ? IconArrowDown : IconArrowsSort;
  return (
    <Table.Th ta={align} aria-sort={direction ? ariaSort[direction] : undefined}>
      <UnstyledButton
        className={classes.sortButton}
        aria-label={label}
        title={`${direction ? "Click to change the order" : "Click to sort"}${canAddSort ? ", shift+click to add a sort" : ""}`}
        onClick={column.getToggleSortingHandler()}
      >
        {shown}
        <Arrow size={14} aria-hidden className={direction ? undefined : classes.sortIdle} />
        {multiSort && direction && (
          <span className={classes.sortOrder} aria-hidden>
            {column.getSortIndex() + 1}
          </span>
        )}
      </UnstyledButton>
    </Table.Th>
  );
}
