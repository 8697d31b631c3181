import { Group, SegmentedControl, Switch, TextInput } from "@mantine/core";
import { isIsoDay, type Period } from "@vbo/domain";
import { useEffect, useState } from "react";
import type { AnalyticsState } from "./analyticsUrlState.ts";
import { type PeriodPreset, periodPresets } from "./periodPresets.ts";

type Props = {
  state: AnalyticsState;
  /** The days in force (a custom period starts from them). */
  period: Period;
  onChange: (next: AnalyticsState) => void;
};

/** Presets, a custom range (two UTC days) and compare-with-previous; every change is a new URL. */
export function PeriodControls({ state, period, onChange }: Props) {
  const [draft, setDraft] = useState(period);
  useEffect(() => setDraft(period), [period]);
  const draftError =
    !isIsoDay(draft.from) || !isIsoDay(draft.to) ? "Enter two days" : draft.from > draft.to ? "From is after to" : null;

  const pickPreset = (preset: string) => {
    const id = preset as PeriodPreset;
    onChange({ ...state, preset: id, custom: id === "custom" ? period : null });
  };
  const commitDraft = (next: Period) => {
    setDraft(next);
    if (isIsoDay(next.from) && isIsoDay(next.to) && next.from <= next.to) {
      onChange({ ...state, preset: "custom", custom: next });
    }
  };

  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <SegmentedControl
        aria-label="Period"
        data-testid="period-presets"
        value={state.preset}
        onChange={pickPreset}
        data={periodPresets.map((p) => ({ value: p.id, label: p.label }))}
      />
      {state.preset === "custom" && (
        <Group gap="xs" align="flex-end">
          <TextInput
            type="date"
            label="From (UTC)"
            value={draft.from}
            onChange={(e) => commitDraft({ ...draft, from: e.currentTarget.value })}
            error={draftError === "From is after to" ? draftError : undefined}
            data-testid="custom-from"
          />
          <TextInput
            type="date"
            label="To (UTC)"
            value={draft.to}
            onChange={(e) => commitDraft({ ...draft, to: e.currentTarget.value })}
            data-testid="custom-to"
          />
        </Group>
      )}
      <Switch
        label="Compare with the previous period"
        checked={state.compare}
        onChange={(e) => onChange({ ...state, compare: e.currentTarget.checked })}
        data-testid="compare-switch"
      />
    </Group>
  );
}
