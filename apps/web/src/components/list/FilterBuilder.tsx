import { Button, Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { type FieldSpec, type Filter, type FilterOp, filterProblems } from "@vbo/verifone/fields";
import { type FormEvent, useId, useState } from "react";
import { fieldDescription } from "./fieldDescriptions.ts";
import { fieldLabel, opDescriptions } from "./fieldLabels.ts";

const option = (f: FieldSpec) => ({
  value: f.field,
  label: fieldLabel(f.field) === f.field ? f.field : `${fieldLabel(f.field)} (${f.field})`,
});

// Only the fields Verifone lets us filter on (some are sort-only), grouped as the record nests them.
function fieldChoices(catalog: readonly FieldSpec[]) {
  const filterable = catalog.filter((f) => f.ops.length > 0);
  const groups = [
    { group: "Record", items: filterable.filter((f) => !f.field.includes(".")).map(option) },
    { group: "3-D Secure result", items: filterable.filter((f) => f.field.includes(".")).map(option) },
  ].filter((g) => g.items.length > 0);
  return { filterable, groups };
}

const amountHints = {
  minor: "In minor units: 1050 is 10.50 EUR, or 1050 JPY",
  major: "As the list shows it, with decimals: 10.5 is 10.50 EUR",
};

function toValue(spec: FieldSpec, text: string): Filter["value"] {
  return spec.type === "number" && /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text.trim()) : text;
}

export type FilterBuilderProps = {
  onApply: (filter: Filter) => void;
  /** The list's field catalog and the field offered first. */
  catalog: readonly FieldSpec[];
  initialField: string;
  /**
   * How `amount` is written: in minor units (3-D Secure records, the default) or in major units with decimals, as
   * the transactions list has it.
   */
  amountUnits?: "minor" | "major";
  /** Values worth suggesting for free-text fields, by field. */
  suggestions?: Readonly<Record<string, readonly string[]>>;
};

/** Builds one filter on any field of the catalog, offering only the operators that field takes. */
export default function FilterBuilder({
  onApply,
  catalog,
  initialField,
  amountUnits = "minor",
  suggestions: suggestionsByField = {},
}: FilterBuilderProps) {
  const [{ filterable, groups: fieldOptions }] = useState(() => fieldChoices(catalog));
  const [firstField] = useState(() => filterable.find((f) => f.field === initialField) ?? filterable[0]);
  const [spec, setSpec] = useState<FieldSpec | undefined>(firstField);
  const [op, setOp] = useState<FilterOp>(firstField?.ops[0] ?? "eq");
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const listId = useId();
  if (!spec) return <Text>No filterable fields are known.</Text>;

  const chooseField = (field: string) => {
    const next = filterable.find((f) => f.field === field);
    setSpec(next);
    if (next && !next.ops.includes(op)) setOp(next.ops[0] ?? "eq");
    setText("");
    setError(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const filter: Filter = { field: spec.field, op, value: toValue(spec, text) };
    const [problem] = filterProblems(catalog, [filter]);
    if (problem) return setError(problem.message);
    if (amountUnits === "minor" && filter.field === "amount" && !Number.isInteger(filter.value)) {
      return setError("amount is in minor units: enter a whole number (1050 for 10.50 EUR)");
    }
    setText("");
    setError(null);
    onApply(filter);
  };

  const common = {
    label: "Value",
    "data-testid": "filter-value",
    error,
    autoComplete: "off",
  };
  const suggestions = suggestionsByField[spec.field];
  // Amounts in major units are the transactions list's (3-D Secure records count minor units).
  const description = fieldDescription(spec.field, amountUnits === "major" ? "transactions" : "authentications");
  let valueInput: React.ReactNode;
  if (spec.enum && op !== "like") {
    valueInput = (
      <NativeSelect
        {...common}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data={[{ value: "", label: "Choose…" }, ...spec.enum.map((v) => ({ value: v, label: v }))]}
      />
    );
  } else if (spec.type === "number") {
    valueInput = (
      <TextInput
        {...common}
        inputMode="decimal"
        description={spec.field === "amount" ? amountHints[amountUnits] : undefined}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
      />
    );
  } else if (spec.type === "date") {
    valueInput = <TextInput {...common} type="date" value={text} onChange={(e) => setText(e.currentTarget.value)} />;
  } else {
    valueInput = (
      <>
        <TextInput
          {...common}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          list={suggestions ? listId : undefined}
          description={op === "like" ? "Matches when the field contains this text" : undefined}
        />
        {suggestions && (
          <datalist id={listId}>
            {suggestions.map((v) => (
              <option key={v} value={v} />
            ))}
          </datalist>
        )}
      </>
    );
  }

  return (
    <form onSubmit={submit} aria-label="Add a filter">
      <Stack gap="sm" w={340}>
        <NativeSelect
          label="Field"
          data-testid="filter-field"
          data={fieldOptions}
          value={spec.field}
          onChange={(e) => chooseField(e.currentTarget.value)}
        />
        {description && (
          <Text size="xs" c="dimmed" data-testid="filter-field-description">
            {description}
          </Text>
        )}
        <NativeSelect
          label="Operator"
          data-testid="filter-op"
          data={spec.ops.map((o) => ({ value: o, label: opDescriptions[o] }))}
          value={op}
          onChange={(e) => {
            setOp(e.currentTarget.value as FilterOp);
            setError(null);
          }}
        />
        {valueInput}
        <Group justify="flex-end">
          <Button type="submit" data-testid="apply-filter">
            Apply filter
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
