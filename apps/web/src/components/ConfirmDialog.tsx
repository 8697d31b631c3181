import { Alert, Button, Group, Modal, Stack } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import type { ReactNode } from "react";

type Props = {
  opened: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  color?: string;
  pending: boolean;
  /** Why the last attempt failed, in words; the dialog stays open so the user can retry or cancel. */
  error: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
  /** Test hook of the confirm button ("confirm" unless a page needs its own). */
  confirmTestId?: string;
};

/** Asks before a change that matters; shows a failure in place and never closes on one. */
export function ConfirmDialog(props: Props) {
  const { opened, title, children, confirmLabel, color, pending, error, onConfirm, onCancel, testId } = props;
  const confirmTestId = props.confirmTestId ?? "confirm";
  return (
    <Modal
      opened={opened}
      onClose={pending ? () => {} : onCancel}
      title={title}
      centered
      data-testid={testId}
      closeButtonProps={{ "aria-label": "Close" }}
    >
      <Stack gap="md">
        {children}
        {error && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
            {error}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onCancel} disabled={pending}>
            Cancel
          </Button>
          <Button color={color} onClick={onConfirm} loading={pending} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
