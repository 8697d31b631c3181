import { DatePickerInput, type DatesRangeValue, type DateValue } from "@mantine/dates";
import type { Filter } from "@vbo/verifone/fields";
import { useEffect, useState } from "react";
import { createdDaysLabel } from "./createdDaysLabel.ts";
import { dayEndIso, dayStartIso, isoToDay, type OnFiltersChange, rangeBound, withRange } from "./quickFilterModel.ts";

/** `compact`: no visible label (the placeholder names it), small, for a one-row filter bar. */
type Props = { filters: Filter[]; onChange: OnFiltersChange; compact?: boolean };

/** The picker's day ("YYYY-MM-DD", as Mantine gives it). */
const toDay = (value: DateValue) => (value ? String(value).slice(0, 10) : null);

/**
 * Created between two UTC days, both included — the days Verifone takes, whatever zone times are shown in; the label
 * says so, and the chips use the same words. Loaded on demand: @mantine/dates is large.
 */
export default function DateRangeFilter({ filters, onChange, compact = false }: Props) {
  const from = isoToDay(rangeBound(filters, "created_at", "gte"));
  const to = isoToDay(rangeBound(filters, "created_at", "lte"));
  // Local while the second day is being picked; otherwise it follows the URL.
  const [value, setValue] = useState<DatesRangeValue<string>>([from, to]);
  useEffect(() => setValue([from, to]), [from, to]);

  return (
    <DatePickerInput
      type="range"
      {...(compact
        ? { "aria-label": createdDaysLabel, placeholder: createdDaysLabel, size: "xs" as const, w: 205 }
        : { label: createdDaysLabel, placeholder: "Any date", w: 240 })}
      clearable
      allowSingleDateInRange
      valueFormat="YYYY-MM-DD"
      value={value}
      onChange={([start, end]) => {
        const startDay = toDay(start);
        const endDay = toDay(end);
        setValue([startDay, endDay]);
        if (startDay && !endDay) return; // wait for the second day
        const [gte, lte] = [startDay && dayStartIso(startDay), endDay && dayEndIso(endDay)];
        onChange((current) => withRange(current, "created_at", gte, lte));
      }}
    />
  );
}
