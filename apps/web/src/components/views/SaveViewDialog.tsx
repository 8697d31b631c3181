import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { viewNameMaxLength, viewNameProblem } from "@vbo/domain";
import { type FormEvent, useEffect, useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";

export type SaveViewValues = { name: string; shared: boolean; relative: boolean };

type Props = {
  opened: boolean;
  title: string;
  submitLabel: string;
  initial: SaveViewValues;
  /** Renaming keeps sharing as it is: the checkbox is hidden. */
  withShared?: boolean;
  /** When the date range runs up to today: its length, offered to be kept relative. */
  relativeDays?: number | null;
  pending: boolean;
  /** The last attempt's error (a CONFLICT lands on the name field, anything else above the form). */
  error: unknown;
  onSubmit: (values: SaveViewValues) => void;
  onClose: () => void;
};

/** Name (and sharing) of a view being saved or renamed; the server's verdict is shown where it belongs. */
export function SaveViewDialog({
  opened,
  title,
  submitLabel,
  initial,
  withShared = true,
  relativeDays = null,
  pending,
  error,
  onSubmit,
  onClose,
}: Props) {
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState(false);
  useEffect(() => {
    if (opened) {
      setValues(initial);
      setTouched(false);
    }
  }, [opened, initial]);

  const info = error ? errorInfo(error) : null;
  const nameProblem =
    (touched ? viewNameProblem(values.name) : null) ??
    (info?.code === "CONFLICT" ? info.message : null) ??
    info?.problems.find((p) => p.path[0] === "name")?.message ??
    null;
  const general =
    info && info.code !== "CONFLICT" && !info.problems.some((p) => p.path[0] === "name") ? info.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    if (viewNameProblem(values.name) || pending) return;
    onSubmit({ name: values.name.trim(), shared: values.shared, relative: values.relative });
  };

  return (
    <Modal opened={opened} onClose={onClose} title={title} centered closeButtonProps={{ "aria-label": "Close" }}>
      <form onSubmit={submit} noValidate data-testid="save-view-form">
        <Stack gap="sm">
          {general && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {general}
            </Alert>
          )}
          <TextInput
            label="Name"
            required
            data-autofocus
            maxLength={viewNameMaxLength}
            value={values.name}
            error={nameProblem}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setValues((v) => ({ ...v, name }));
            }}
          />
          {withShared && (
            <Checkbox
              label="Share with everyone"
              description="Colleagues see it in their list and can open it; only you can change it."
              checked={values.shared}
              onChange={(e) => {
                const shared = e.currentTarget.checked;
                setValues((v) => ({ ...v, shared }));
              }}
            />
          )}
          {relativeDays !== null && (
            <Checkbox
              label={`Keep the dates relative: the last ${relativeDays} day${relativeDays === 1 ? "" : "s"}`}
              description="Opened tomorrow, the view shows the last days up to tomorrow; otherwise these exact days."
              checked={values.relative}
              onChange={(e) => {
                const relative = e.currentTarget.checked;
                setValues((v) => ({ ...v, relative }));
              }}
            />
          )}
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
