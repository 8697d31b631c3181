import { Button, Group, Loader, Popover } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconFilterPlus } from "@tabler/icons-react";
import type { Filter } from "@vbo/verifone/fields";
import { lazy, type ReactNode, Suspense } from "react";
import type { FilterBuilderProps } from "./FilterBuilder.tsx";
import { FilterChips } from "./FilterChips.tsx";
import { type OnFiltersChange, removeFilterAt } from "./quickFilterModel.ts";

const FilterBuilder = lazy(() => import("./FilterBuilder.tsx"));

type Props = {
  filters: Filter[];
  /** Why a filter of the URL is not applied, by its index. */
  problems: ReadonlyMap<number, string>;
  onChange: OnFiltersChange;
  /** The builder's catalog, first field, amount units and suggestions. */
  builder: Omit<FilterBuilderProps, "onApply">;
  /** Controls shown before the "Add filter" button. */
  children?: ReactNode;
};

/** "Add filter" (the builder opens in a popover, loaded on demand) and the active filters as removable chips. */
export function FilterBuilderRow({ filters, problems, onChange, builder, children }: Props) {
  const [builderOpen, popover] = useDisclosure(false);
  return (
    <Group gap="sm" align="flex-end">
      {children}
      <Popover opened={builderOpen} onChange={popover.set} position="bottom-start" shadow="md" trapFocus withArrow>
        <Popover.Target>
          <Button
            data-testid="add-filter"
            variant="light"
            leftSection={<IconFilterPlus size={16} />}
            onClick={popover.toggle}
            aria-expanded={builderOpen}
          >
            Add filter
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <Suspense fallback={<Loader size="sm" />}>
            <FilterBuilder
              {...builder}
              onApply={(filter) => {
                popover.close();
                onChange((current) => [...current, filter]);
              }}
            />
          </Suspense>
        </Popover.Dropdown>
      </Popover>
      <FilterChips
        filters={filters}
        problems={problems}
        amountUnits={builder.amountUnits ?? "minor"}
        onRemove={(index) => onChange(removeFilterAt(filters, index))}
        onClearAll={() => onChange(() => [])}
      />
    </Group>
  );
}
