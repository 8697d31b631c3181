import { Button, Group, Pill, Stack, Text } from "@mantine/core";
import { type AmountUnits, filteredCurrency } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import { filterChips } from "./filterChipText.ts";

type Props = {
  filters: Filter[];
  /** Problem with a filter, by its index: shown next to it (the filter is not applied). */
  problems?: ReadonlyMap<number, string>;
  /** Called once per filter the removed chip stands for (a range of days is one chip for two filters). */
  onRemove: (index: number) => void;
  onClearAll: () => void;
  /** Test hook of each chip: `filter-chip` in the filter bar (one per active filter); another name elsewhere. */
  testId?: string;
  /** The list's amount unit: amounts then read as money in the view's one currency ("Amount ≥ 50.00 EUR"). */
  amountUnits?: AmountUnits;
};

/**
 * The active filters as removable chips, dates in the words of the date filter ("Created from 1 Nov 2026 to
 * 10 Nov 2026 (UTC days)"); a filter with a problem says what is wrong right next to it.
 */
export function FilterChips({ filters, problems, onRemove, onClearAll, testId = "filter-chip", amountUnits }: Props) {
  const zone = useTimeZone();
  if (filters.length === 0) return null;
  const amounts = amountUnits ? { units: amountUnits, currency: filteredCurrency(filters) } : undefined;
  return (
    <Group gap="xs" align="flex-start" aria-label="Active filters" role="group">
      {filterChips(filters, zone, { amounts, problems }).map(({ text, indexes }) => {
        const problem = indexes.map((index) => problems?.get(index)).find(Boolean);
        return (
          <Stack key={indexes.join("-")} gap={2} data-testid={testId} data-problem={problem ? "true" : undefined}>
            <Pill
              size="md"
              withRemoveButton
              onRemove={() => {
                for (const index of indexes) onRemove(index);
              }}
              removeButtonProps={{ "aria-label": `Remove filter ${text}`, title: "remove" }}
              bg={problem ? "var(--mantine-color-red-light)" : undefined}
              c={problem ? "var(--mantine-color-red-light-color)" : undefined}
            >
              {text}
            </Pill>
            {problem && (
              <Text size="xs" c="red" maw={360} role="alert">
                Not applied: {problem}
              </Text>
            )}
          </Stack>
        );
      })}
      <Button variant="subtle" size="compact-sm" onClick={onClearAll}>
        Clear all
      </Button>
    </Group>
  );
}
