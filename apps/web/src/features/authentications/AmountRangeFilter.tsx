import { Group, Text, TextInput } from "@mantine/core";
import type { Filter } from "@vbo/verifone/fields";
import { useEffect, useState } from "react";
import {
  amountToMinor,
  minorToAmountText,
  type OnFiltersChange,
  rangeBound,
  singleCurrency,
  withRange,
} from "../../components/list/quickFilterModel.ts";

type Props = { filters: Filter[]; onChange: OnFiltersChange };

/** Amount from/to. In major units of the selected currency, or in minor units when none (or several) is selected. */
export function AmountRangeFilter({ filters, onChange }: Props) {
  const currency = singleCurrency(filters);
  const gte = rangeBound(filters, "amount", "gte");
  const lte = rangeBound(filters, "amount", "lte");
  const shown = (bound: Filter["value"] | undefined) => (bound === undefined ? "" : minorToAmountText(bound, currency));
  const [from, setFrom] = useState(shown(gte));
  const [to, setTo] = useState(shown(lte));
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});

  // The URL is the source of truth: follow it when it changes (back/forward, chip removed, currency changed).
  const shownFrom = shown(gte);
  const shownTo = shown(lte);
  useEffect(() => {
    setFrom(shownFrom);
    setTo(shownTo);
    setErrors({});
  }, [shownFrom, shownTo]);

  const apply = () => {
    const read = (text: string) =>
      text.trim() === "" ? { ok: true as const, minor: null } : amountToMinor(text, currency?.code ?? null);
    const a = read(from);
    const b = read(to);
    const inverted = a.ok && b.ok && a.minor !== null && b.minor !== null && b.minor < a.minor;
    const toError = b.ok ? (inverted ? "below the “from” amount" : undefined) : b.error;
    setErrors({ from: a.ok ? undefined : a.error, to: toError });
    if (!a.ok || !b.ok || inverted) return;
    if (a.minor === (gte ?? null) && b.minor === (lte ?? null)) return;
    onChange((current) => withRange(current, "amount", a.minor, b.minor));
  };

  const unit = currency ? currency.code : "minor units";
  const inputProps = {
    w: 125,
    size: "xs" as const,
    inputMode: "decimal" as const,
    onBlur: apply,
    onKeyDown: (e: React.KeyboardEvent) => e.key === "Enter" && apply(),
  };
  // Without one currency, the unit is said in the placeholder ("Amount from, minor units") and the chip.
  return (
    <Group
      gap={4}
      align="flex-start"
      wrap="nowrap"
      title={currency ? undefined : "Pick one currency to enter amounts in major units"}
    >
      <TextInput
        aria-label={`Amount from, ${unit}`}
        placeholder={`Amount from (${currency ? currency.code : "minor"})`}
        value={from}
        error={errors.from}
        onChange={(e) => setFrom(e.currentTarget.value)}
        {...inputProps}
      />
      <Text c="dimmed" size="sm" mt={4} aria-hidden>
        –
      </Text>
      <TextInput
        aria-label={`Amount to, ${unit}`}
        placeholder={`to (${currency ? currency.code : "minor"})`}
        value={to}
        error={errors.to}
        onChange={(e) => setTo(e.currentTarget.value)}
        {...inputProps}
      />
    </Group>
  );
}
