import { EmptyState, Stack, Text } from "@mantine/core";
import { IconFilterOff } from "@tabler/icons-react";
import type { Filter } from "@vbo/verifone/fields";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import { FilterChips } from "./FilterChips.tsx";
import { filterChips } from "./filterChipText.ts";

type Props = {
  filters: Filter[];
  onRemove: (index: number) => void;
  onClearAll: () => void;
  /** What the list holds, plural ("authentications"), and what to say when it holds nothing at all. */
  noun: string;
  noneAtAll: string;
};

/** Nothing matched: say which filters exclude everything, and let each be removed. */
export function EmptyResults({ filters, onRemove, onClearAll, noun, noneAtAll }: Props) {
  const zone = useTimeZone();
  const chips = filterChips(filters, zone).map((chip) => chip.text);
  const title = filters.length === 0 ? `No ${noun} yet` : `No ${noun} match: ${chips.join(", ")}`;
  return (
    <EmptyState
      data-testid="empty-state"
      py="xl"
      icon={<IconFilterOff size={32} />}
      withIndicatorBackground
      title={title}
      description={filters.length === 0 ? noneAtAll : "Remove a filter to widen the search."}
    >
      {filters.length > 0 && (
        <Stack align="center" mt="sm">
          <FilterChips filters={filters} onRemove={onRemove} onClearAll={onClearAll} testId="empty-filter-chip" />
          <Text size="xs" c="dimmed">
            Several values of one field are alternatives (OR); different fields must all match (AND).
          </Text>
        </Stack>
      )}
    </EmptyState>
  );
}
