import { Group, MultiSelect, Paper, Stack, TagsInput, TextInput } from "@mantine/core";
import { type FieldSpec, type Filter, transactionFields } from "@vbo/verifone/fields";
import { useEffect, useState } from "react";
import { CreatedRangeFilter } from "../../components/list/CreatedRangeFilter.tsx";
import { FilterBuilderRow } from "../../components/list/FilterBuilderRow.tsx";
import { eqPicker, eqValues, type OnFiltersChange, withEqValues } from "../../components/list/quickFilterModel.ts";
import { knownValues } from "../authentications/threeDSCodes.ts";

type Props = {
  filters: Filter[];
  /** Why a filter of the URL is not applied, by its index. */
  problems: ReadonlyMap<number, string>;
  onChange: OnFiltersChange;
};

const spec = (field: string) => transactionFields.find((f) => f.field === field) as FieldSpec | undefined;
const enumOf = (field: string) => [...(spec(field)?.enum ?? [])];
const referenceMax = spec("merchant_reference")?.maxLength ?? 50;
// Amounts are typed as the list shows them (major units); of the documented values, only currencies apply here.
const builder = {
  catalog: transactionFields,
  initialField: "id",
  amountUnits: "major",
  suggestions: knownValues,
} as const;

// Not a Verifone filter: the list keeps the rows of the page whose verdict is picked (and says so).
const liabilityChoices = [
  { value: "ISSUER", label: "Issuer" },
  { value: "MERCHANT", label: "Merchant" },
  { value: "UNKNOWN", label: "Unknown (see the payment)" },
];

/** A quick filter without a visible label: its name is the placeholder and the accessible name (the bar stays one row). */
const compact = (name: string) => ({ "aria-label": name, placeholder: name, size: "xs" as const });

/** Merchant reference: applied on Enter or when the field is left (one reference, as Verifone matches it exactly). */
function ReferenceFilter({ filters, onChange }: Omit<Props, "problems">) {
  const current = eqValues(filters, "merchant_reference")[0] ?? "";
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const apply = () => {
    const value = text.trim();
    if (value !== current) onChange((now) => withEqValues(now, "merchant_reference", value ? [value] : []));
  };
  return (
    <TextInput
      {...compact("Merchant reference")}
      data-testid="tx-filter-reference"
      maxLength={referenceMax}
      w={145}
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={apply}
      onKeyDown={(e) => e.key === "Enter" && apply()}
    />
  );
}

/**
 * The transactions list's filters. Verifone's grammar here is `field=value` only (several values of one field are
 * alternatives) plus a created range of at most a month, so the quick filters are pick-lists of the documented values.
 */
export function TransactionFilterBar({ filters, problems, onChange }: Props) {
  const eqSelect = (field: string, transform?: (v: string) => string) => eqPicker(filters, onChange, field, transform);
  return (
    <Paper withBorder p="xs" component="section" aria-label="Filters">
      <Stack gap="xs">
        <Group gap="xs" align="center" wrap="wrap">
          <MultiSelect
            {...eqSelect("transaction_type")}
            {...compact("Type")}
            data-testid="tx-filter-type"
            data={enumOf("transaction_type")}
            searchable
            clearable
            w={150}
          />
          <MultiSelect
            {...eqSelect("transaction_status")}
            {...compact("Status")}
            data-testid="tx-filter-status"
            data={enumOf("transaction_status")}
            searchable
            clearable
            w={165}
          />
          <MultiSelect
            {...eqSelect("payment_product_type")}
            {...compact("Card brand")}
            data-testid="tx-filter-brand"
            data={enumOf("payment_product_type")}
            clearable
            w={140}
          />
          <TagsInput
            {...eqSelect("currency_code", (v) => v.trim().toUpperCase())}
            {...compact("Currency")}
            data-testid="tx-filter-currency"
            data={[...(knownValues.currency_code ?? [])]}
            clearable
            w={120}
          />
          <MultiSelect
            {...eqSelect("liability")}
            {...compact("Liability (page)")}
            data-testid="tx-filter-liability"
            data={liabilityChoices}
            clearable
            w={150}
          />
          <ReferenceFilter filters={filters} onChange={onChange} />
        </Group>
        <FilterBuilderRow filters={filters} problems={problems} onChange={onChange} builder={builder}>
          <CreatedRangeFilter filters={filters} onChange={onChange} compact />
        </FilterBuilderRow>
      </Stack>
    </Paper>
  );
}
