import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { cardHolderNameMaxLength, type TokenChanges } from "@vbo/domain";
import { type FormEvent, useState } from "react";
import {
  changesOf,
  type DraftErrors,
  type DraftField,
  draftErrors,
  draftOf,
  type TokenChangesDraft,
} from "./tokenChangesForm.ts";
import { reasonMaxLength } from "./tokenInputRules.ts";
import type { TokenView } from "./tokenTypes.ts";

type Props = {
  token: TokenView;
  today: Date;
  pending: boolean;
  /** The server's verdict on the last attempt: problems on their fields, anything else above the buttons. */
  serverErrors: DraftErrors | null;
  onConfirm: (changes: TokenChanges, reason: string | undefined) => void;
  onCancel: () => void;
};

const noErrors: DraftErrors = { fields: {}, general: null };

/**
 * Expiry, holder name and email of a stored card. Checked with the API's own rules before sending; only the fields
 * that changed are sent. Open it by rendering it.
 */
export function UpdateDialog({ token, today, pending, serverErrors, onConfirm, onCancel }: Props) {
  const [draft, setDraft] = useState<TokenChangesDraft>(() => draftOf(token));
  const [reason, setReason] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const local = draftErrors(draft, token, today);
  const shown = submitted ? local : noErrors;
  const server = serverErrors ?? noErrors;
  const fieldError = (field: DraftField) => shown.fields[field] ?? server.fields[field];
  const general = shown.general ?? server.general;

  const set = (field: DraftField) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (pending || local.general || Object.keys(local.fields).length > 0) return;
    onConfirm(changesOf(draft, token), reason.trim() || undefined);
  };

  return (
    <Modal
      opened
      onClose={pending ? () => {} : onCancel}
      title="Update the stored card"
      centered
      data-testid="token-dialog"
    >
      <form noValidate onSubmit={submit}>
        <Stack gap="md">
          <Text size="sm">
            Change what the customer asked for; fields left as they are are not sent. The card number cannot be changed
            here.
          </Text>
          <SimpleGrid cols={2} spacing="sm">
            <TextInput
              data-testid="token-expiry-month"
              label="Expiry month"
              description="1–12"
              inputMode="numeric"
              maxLength={2}
              data-autofocus
              value={draft.expiry_month}
              error={fieldError("expiry_month")}
              onChange={(e) => set("expiry_month")(e.currentTarget.value)}
            />
            <TextInput
              data-testid="token-expiry-year"
              label="Expiry year"
              description="Four digits, not in the past"
              inputMode="numeric"
              maxLength={4}
              value={draft.expiry_year}
              error={fieldError("expiry_year")}
              onChange={(e) => set("expiry_year")(e.currentTarget.value)}
            />
          </SimpleGrid>
          <TextInput
            data-testid="token-holder-name"
            label="Card holder name"
            description={`As on the card, at most ${cardHolderNameMaxLength} characters (${draft.card_holder_name.length} now)`}
            value={draft.card_holder_name}
            error={fieldError("card_holder_name")}
            onChange={(e) => set("card_holder_name")(e.currentTarget.value)}
          />
          <TextInput
            data-testid="token-holder-email"
            label="Card holder email"
            description="Leave empty to keep the one on file"
            type="email"
            autoComplete="off"
            value={draft.card_holder_email}
            error={fieldError("card_holder_email")}
            onChange={(e) => set("card_holder_email")(e.currentTarget.value)}
          />
          <TextInput
            data-testid="token-reason"
            label="Reason (optional)"
            description="Kept in the audit trail"
            maxLength={reasonMaxLength}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {general && (
            <Alert data-testid="token-action-error" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {general}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onCancel} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending} data-testid="token-confirm">
              Save changes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
