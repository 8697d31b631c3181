import { Alert, Button, Checkbox, Group, Modal, Stack, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { viewNameMaxLength } from "@vbo/domain";
import { viewsCreateInput } from "@vbo/domain/inputs";
import { useEffect } from "react";
import { z } from "zod";
import { generalError, useServerErrors } from "../../api/formErrors.ts";

export type SaveViewValues = { name: string; shared: boolean; relative: boolean };

// views.create's name and sharing, and the form's own "keep the dates relative".
const schema = z.object({ name: viewsCreateInput.shape.name, shared: z.boolean(), relative: z.boolean() });
const fields = ["name", "shared"];

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
  const form = useForm({ initialValues: initial, validate: schemaResolver(schema, { sync: true }) });
  const { setInitialValues, reset } = form;
  // Each opening starts again from `initial`.
  useEffect(() => {
    if (!opened) return;
    setInitialValues(initial);
    reset();
  }, [opened, initial, setInitialValues, reset]);
  useServerErrors(form, error, { fields, conflictField: "name" });
  const general = generalError(form);

  const submit = form.onSubmit((values) => {
    if (!pending) onSubmit({ name: values.name.trim(), shared: values.shared, relative: values.relative });
  });

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
            {...form.getInputProps("name")}
          />
          {withShared && (
            <Checkbox
              label="Share with everyone"
              description="Colleagues see it in their list and can open it; only you can change it."
              {...form.getInputProps("shared", { type: "checkbox" })}
            />
          )}
          {relativeDays !== null && (
            <Checkbox
              label={`Keep the dates relative: the last ${relativeDays} day${relativeDays === 1 ? "" : "s"}`}
              description="Opened tomorrow, the view shows the last days up to tomorrow; otherwise these exact days."
              {...form.getInputProps("relative", { type: "checkbox" })}
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
