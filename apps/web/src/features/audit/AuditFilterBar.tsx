import { Button, Group, Input, Paper, SegmentedControl } from "@mantine/core";
import { DateTimePicker } from "@mantine/dates";
import { IconFilterOff } from "@tabler/icons-react";
import { minuteBoundIso, toWallTime, withZone } from "../../time/formatTime.ts";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import { knownAuditActions } from "./auditActions.ts";
import { type AuditFilters, type AuditOutcome, auditOutcomes } from "./auditUrlState.ts";
import { CommitTextInput } from "./CommitTextInput.tsx";

type Props = { filters: AuditFilters; onChange: (change: Partial<AuditFilters>) => void };

const outcomeLabels: Record<AuditOutcome, string> = { success: "Success", failure: "Failed", refused: "Refused" };
const anyOutcome = "any";
type TextFilter = {
  name: "actor" | "action" | "target";
  label: string;
  placeholder: string;
  suggestions?: readonly string[];
};
const textFilters: TextFilter[] = [
  { name: "actor", label: "Actor", placeholder: "part of an email or name" },
  { name: "action", label: "Action", placeholder: "any action", suggestions: knownAuditActions },
  { name: "target", label: "Target", placeholder: "id or email" },
];
const pickerFormat = "YYYY-MM-DD HH:mm";

// The pickers read and write wall times ("YYYY-MM-DD HH:mm:ss") in the staff member's zone, which their labels name;
// the URL and the API take ISO instants.

export function AuditFilterBar({ filters, onChange }: Props) {
  const zone = useTimeZone();
  const toPicker = (iso: string | null) => toWallTime(iso, zone);
  const hasFilters = Boolean(
    filters.actor || filters.action || filters.target || filters.outcome || filters.from || filters.to,
  );
  return (
    <Paper withBorder p="sm">
      <Group gap="md" align="flex-end">
        {textFilters.map(({ name, label, placeholder, suggestions }) => (
          <CommitTextInput
            key={name}
            label={label}
            placeholder={placeholder}
            testId={`audit-filter-${name}`}
            suggestions={suggestions}
            value={filters[name]}
            onCommit={(value) => onChange({ [name]: value })}
          />
        ))}
        <Input.Wrapper label="Outcome">
          <SegmentedControl
            display="flex"
            data-testid="audit-filter-outcome"
            value={filters.outcome ?? anyOutcome}
            data={[
              { value: anyOutcome, label: "Any" },
              ...auditOutcomes.map((o) => ({ value: o, label: outcomeLabels[o] })),
            ]}
            onChange={(value) => onChange({ outcome: value === anyOutcome ? null : (value as AuditOutcome) })}
          />
        </Input.Wrapper>
        <DateTimePicker
          label={withZone("From", zone)}
          placeholder="the beginning"
          clearable
          w={190}
          valueFormat={pickerFormat}
          value={toPicker(filters.from)}
          maxDate={filters.to ? (toPicker(filters.to) ?? undefined) : undefined}
          onChange={(value) => onChange({ from: value ? minuteBoundIso(value, zone, "start") : null })}
        />
        <DateTimePicker
          label={withZone("To", zone)}
          placeholder="now"
          clearable
          w={190}
          valueFormat={pickerFormat}
          defaultTimeValue="23:59"
          value={toPicker(filters.to)}
          minDate={filters.from ? (toPicker(filters.from) ?? undefined) : undefined}
          // Inclusive to the end of the minute shown.
          onChange={(value) => onChange({ to: value ? minuteBoundIso(value, zone, "end") : null })}
        />
        {hasFilters && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} />}
            onClick={() => onChange({ actor: "", action: "", target: "", outcome: null, from: null, to: null })}
          >
            Clear filters
          </Button>
        )}
      </Group>
    </Paper>
  );
}
