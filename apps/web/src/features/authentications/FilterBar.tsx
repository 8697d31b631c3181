import { Button, Group, Loader, Paper, Popover, Stack } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFilterPlus } from "@tabler/icons-react";
import type { Filter } from "@vbo/verifone/fields";
import { lazy, Suspense } from "react";
import { FilterChips } from "./FilterChips.tsx";
import { LiabilityPresetSelect, QuickFilters } from "./QuickFilters.tsx";

const FilterBuilder = lazy(() => import("./FilterBuilder.tsx"));

type Props = {
  filters: Filter[];
  problems: ReadonlyMap<number, string>;
  onChange: (filters: Filter[]) => void;
};

export function FilterBar({ filters, problems, onChange }: Props) {
  const [builderOpen, builder] = useDisclosure(false);
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <QuickFilters filters={filters} onChange={onChange} />
        <Group gap="sm" align="flex-end">
          <LiabilityPresetSelect filters={filters} onChange={onChange} />
          <Popover opened={builderOpen} onChange={builder.set} position="bottom-start" shadow="md" trapFocus withArrow>
            <Popover.Target>
              <Button
                data-testid="add-filter"
                variant="light"
                leftSection={<IconFilterPlus size={16} />}
                onClick={builder.toggle}
                aria-expanded={builderOpen}
              >
                Add filter
              </Button>
            </Popover.Target>
            <Popover.Dropdown>
              <Suspense fallback={<Loader size="sm" />}>
                <FilterBuilder
                  onApply={(filter) => {
                    builder.close();
                    onChange([...filters, filter]);
                  }}
                />
              </Suspense>
            </Popover.Dropdown>
          </Popover>
          <FilterChips
            filters={filters}
            problems={problems}
            onRemove={(index) => onChange(filters.filter((_, i) => i !== index))}
            onClearAll={() => onChange([])}
          />
        </Group>
      </Stack>
    </Paper>
  );
}
