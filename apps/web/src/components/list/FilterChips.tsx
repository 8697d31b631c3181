import { Button, Group, Pill, Stack, Text } from "@mantine/core";
import { type AmountUnits, filteredCurrency } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { filterText } from "./fieldLabels.ts";

type Props = {
  filters: Filter[];
  /** Problem with a filter, by its index: shown next to it (the filter is not applied). */
  problems?: ReadonlyMap<number, string>;
  onRemove: (index: number) => void;
  onClearAll: () => void;
  /** Test hook of each chip: `filter-chip` in the filter bar (one per active filter); another name elsewhere. */
  testId?: string;
  /** The list's amount unit: amounts then read as money in the view's one currency ("Amount ≥ 50.00 EUR"). */
  amountUnits?: AmountUnits;
};

/** The active filters as removable chips; a filter with a problem says what is wrong right next to it. */
export function FilterChips({ filters, problems, onRemove, onClearAll, testId = "filter-chip", amountUnits }: Props) {
  if (filters.length === 0) return null;
  const amounts = amountUnits ? { units: amountUnits, currency: filteredCurrency(filters) } : undefined;
  return (
    <Group gap="xs" align="flex-start" aria-label="Active filters" role="group">
      {filters.map((filter, index) => {
        const text = filterText(filter, amounts);
        const problem = problems?.get(index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: two identical filters are legal, so the index is the identity
          <Stack key={index} gap={2} data-testid={testId} data-problem={problem ? "true" : undefined}>
            <Pill
              size="md"
              withRemoveButton
              onRemove={() => onRemove(index)}
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
