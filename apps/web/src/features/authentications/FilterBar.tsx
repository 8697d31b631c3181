import { Paper, Stack } from "@mantine/core";
import { authenticationFields, type Filter } from "@vbo/verifone/fields";
import { FilterBuilderRow } from "../../components/list/FilterBuilderRow.tsx";
import type { OnFiltersChange } from "../../components/list/quickFilterModel.ts";
import { LiabilityPresetSelect, QuickFilters } from "./QuickFilters.tsx";
import { knownValues } from "./threeDSCodes.ts";

type Props = {
  filters: Filter[];
  problems: ReadonlyMap<number, string>;
  onChange: OnFiltersChange;
};

const builder = {
  catalog: authenticationFields,
  initialField: "authentication.pares_status",
  suggestions: knownValues,
};

export function FilterBar({ filters, problems, onChange }: Props) {
  return (
    <Paper withBorder p="xs" component="section" aria-label="Filters">
      <Stack gap="xs">
        <QuickFilters filters={filters} onChange={onChange} />
        <FilterBuilderRow filters={filters} problems={problems} onChange={onChange} builder={builder}>
          <LiabilityPresetSelect filters={filters} onChange={onChange} />
        </FilterBuilderRow>
      </Stack>
    </Paper>
  );
}
