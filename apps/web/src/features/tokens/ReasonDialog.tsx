import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type ReactNode, useState } from "react";
import { reasonMaxLength, reasonMinLength, reasonProblem } from "./tokenInputRules.ts";

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
  const [reason, setReason] = useState("");
  const [typed, setTyped] = useState("");
  const [touched, setTouched] = useState(false);
  const problem = reasonProblem(reason);
  const confirmed = !typeToConfirm || typed.trim() === typeToConfirm.value;
  const ready = problem === null && confirmed;

  return (
    <Modal opened onClose={pending ? () => {} : onCancel} title={title} centered data-testid="token-dialog">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (ready && !pending) onConfirm(reason.trim());
        }}
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
            value={reason}
            error={touched ? problem : null}
            onChange={(event) => setReason(event.currentTarget.value)}
            onBlur={() => reason !== "" && setTouched(true)}
          />
          {typeToConfirm && (
            <TextInput
              data-testid="token-delete-last-four"
              label={typeToConfirm.label}
              required
              autoComplete="off"
              inputMode="numeric"
              maxLength={typeToConfirm.value.length}
              value={typed}
              onChange={(event) => setTyped(event.currentTarget.value)}
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
