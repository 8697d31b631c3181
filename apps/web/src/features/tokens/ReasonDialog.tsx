import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { tokenActionInput } from "@vbo/domain/inputs";
import type { ReactNode } from "react";
import { z } from "zod";
import { reasonMaxLength, reasonMinLength } from "./tokenInputRules.ts";

// The reason as tokens.suspend / .activate / .delete take it; what is typed to confirm a delete is the form's own.
const schema = z.object({ reason: tokenActionInput.shape.reason, typed: z.string() });
const validate = schemaResolver(schema, { sync: true });

type Props = {
  title: string;
  confirmLabel: string;
  color: string;
  children: ReactNode;
  pending: boolean;
  /** Why the last attempt failed; the dialog stays open with the input kept. */
  error: string | null;
  /** Delete: what the user must type before the confirm button works (the card's last four digits). */
  typeToConfirm?: { value: string; label: string };
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/**
 * Asks for the reason (kept in the audit trail) before suspend, activate or delete; for delete also that the user
 * types the card's last four digits, so the irreversible cannot be clicked through by accident. Open it by
 * rendering it; it is emptied by unmounting.
 */
export function ReasonDialog(props: Props) {
  const { title, confirmLabel, color, children, pending, error, typeToConfirm, onConfirm, onCancel } = props;
  const form = useForm({ initialValues: { reason: "", typed: "" }, validate });
  const { reason, typed } = form.values;
  const confirmed = !typeToConfirm || typed.trim() === typeToConfirm.value;
  const ready = form.isValid() && confirmed;

  return (
    <Modal opened onClose={pending ? () => {} : onCancel} title={title} centered data-testid="token-dialog">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          if (confirmed && !pending) onConfirm(values.reason.trim());
        })}
      >
        <Stack gap="md">
          {children}
          <Textarea
            data-testid="token-reason"
            label="Reason"
            description={`Kept in the audit trail (${reasonMinLength}–${reasonMaxLength} characters)`}
            required
            rows={3}
            maxLength={reasonMaxLength}
            data-autofocus
            {...form.getInputProps("reason")}
            onBlur={() => reason !== "" && form.validateField("reason")}
          />
          {typeToConfirm && (
            <TextInput
              data-testid="token-delete-last-four"
              label={typeToConfirm.label}
              required
              autoComplete="off"
              inputMode="numeric"
              maxLength={typeToConfirm.value.length}
              {...form.getInputProps("typed")}
            />
          )}
          {error && (
            <Alert data-testid="token-action-error" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {error}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" color={color} loading={pending} disabled={!ready} data-testid="token-confirm">
              {confirmLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
