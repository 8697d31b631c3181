import { Button, Checkbox, Popover, Stack } from "@mantine/core";
import { IconColumns } from "@tabler/icons-react";
import type { VisibilityState } from "@tanstack/react-table";

type Props = {
  visibility: VisibilityState;
  onChange: (visibility: VisibilityState) => void;
  /** The list's columns. */
  columns: readonly { id?: string; meta?: { label: string } }[];
};

/** Which columns show; the choice is kept in localStorage by the page. */
export function ColumnChooser({ visibility, onChange, columns }: Props) {
  return (
    <Popover position="bottom-end" shadow="md" withArrow>
      <Popover.Target>
        <Button variant="default" size="xs" leftSection={<IconColumns size={14} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label="Visible columns">
          {columns.map((c) => {
            const id = c.id ?? "";
            return (
              <Checkbox
                key={id}
                label={c.meta?.label ?? id}
                checked={visibility[id] !== false}
                onChange={(e) => onChange({ ...visibility, [id]: e.currentTarget.checked })}
              />
            );
          })}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
