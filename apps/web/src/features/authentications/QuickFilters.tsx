import { Group, MultiSelect, Select, TagsInput, Text } from "@mantine/core";
import { liabilityPresets } from "@vbo/domain";
import type { Filter } from "@vbo/verifone/fields";
import { CreatedRangeFilter } from "../../components/list/CreatedRangeFilter.tsx";
import { activePresetId, eqPicker, type OnFiltersChange, withPreset } from "../../components/list/quickFilterModel.ts";
import { AmountRangeFilter } from "./AmountRangeFilter.tsx";
import { knownValues, paresStatusMeaning } from "./threeDSCodes.ts";

type Props = { filters: Filter[]; onChange: OnFiltersChange };

const paresOptions = ["Y", "A", "N", "U", "R", "C"].map((value) => ({ value, label: value }));
const anyLiability = "any";

/** The common filters, each a view over (and a rewrite of) its own entries in the URL's filter list. */
export function QuickFilters({ filters, onChange }: Props) {
  // No visible labels: each picker's name is its placeholder and accessible name, so the bar stays one row.
  const eqSelect = (field: string, label: string, transform?: (v: string) => string) => ({
    "aria-label": label,
    placeholder: label,
    size: "xs" as const,
    ...eqPicker(filters, onChange, field, transform),
  });

  return (
    <Group gap="xs" align="flex-start">
      <MultiSelect
        {...eqSelect("authentication.pares_status", "ParesStatus")}
        data={paresOptions}
        w={150}
        clearable
        renderOption={({ option }) => (
          <Text size="sm">
            <b>{option.value}</b> · {paresStatusMeaning[option.value]}
          </Text>
        )}
      />
      <TagsInput
        {...eqSelect("authentication.card_brand", "Card brand", (v) => v.trim().toUpperCase())}
        data={[...(knownValues["authentication.card_brand"] ?? [])]}
        w={150}
        clearable
      />
      <TagsInput
        {...eqSelect("currency_code", "Currency", (v) => v.trim().toUpperCase())}
        data={[...(knownValues.currency_code ?? [])]}
        w={120}
        clearable
      />
      <AmountRangeFilter filters={filters} onChange={onChange} />
      <CreatedRangeFilter filters={filters} onChange={onChange} compact />
    </Group>
  );
}

/** Liability presets from the domain (whole filter sets); picking one replaces the previous preset's filters. */
export function LiabilityPresetSelect({ filters, onChange }: Props) {
  const preset = activePresetId(filters, liabilityPresets) ?? anyLiability;
  return (
    <Select
      aria-label="Liability"
      size="xs"
      w={220}
      value={preset}
      allowDeselect={false}
      comboboxProps={{ width: 460, position: "bottom-start" }}
      data={[
        { value: anyLiability, label: "Any liability" },
        ...liabilityPresets.map((p) => ({ value: p.id, label: p.label })),
      ]}
      onChange={(id) =>
        onChange((current) => withPreset(current, liabilityPresets, !id || id === anyLiability ? null : id))
      }
    />
  );
}
