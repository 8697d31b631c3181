import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { cardHolderNameMaxLength, type TokenChanges } from "@vbo/domain";
import { generalError, generalKey, useServerErrors } from "../../api/formErrors.ts";
import { changesOf, draftErrors, draftFields, draftOf } from "./tokenChangesForm.ts";
import { reasonMaxLength } from "./tokenInputRules.ts";
import type { TokenView } from "./tokenTypes.ts";

type Props = {
  token: TokenView;
  today: Date;
  pending: boolean;
  /** The last attempt's error: its problems land on their fields, anything else above the buttons. */
  serverError: unknown;
  onConfirm: (changes: TokenChanges, reason: string | undefined) => void;
  onCancel: () => void;
};

// A problem on ["changes", "expiry_year"] is the expiry year field's.
const fieldOf = (path: (string | number)[]) => (path[0] === "changes" ? String(path[1]) : path.join("."));

/**
 * Expiry, holder name and email of a stored card. Checked with the API's own rules before sending; only the fields
 * that changed are sent. Open it by rendering it.
 */
export function UpdateDialog({ token, today, pending, serverError, onConfirm, onCancel }: Props) {
  const form = useForm({
    initialValues: { ...draftOf(token), reason: "" },
    validate: (values) => {
      const { fields, general } = draftErrors(values, token, today);
      return { ...fields, ...(general ? { [generalKey]: general } : {}) };
    },
  });
  useServerErrors(form, serverError, { fields: draftFields, fieldOf });
  const draft = form.values;
  const general = generalError(form);
  const submit = form.onSubmit((values) => {
    if (!pending) onConfirm(changesOf(values, token), values.reason.trim() || undefined);
  });

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
              {...form.getInputProps("expiry_month")}
            />
            <TextInput
              data-testid="token-expiry-year"
              label="Expiry year"
              description="Four digits, not in the past"
              inputMode="numeric"
              maxLength={4}
              {...form.getInputProps("expiry_year")}
            />
          </SimpleGrid>
          <TextInput
            data-testid="token-holder-name"
            label="Card holder name"
            description={`As on the card, at most ${cardHolderNameMaxLength} characters (${draft.card_holder_name.length} now)`}
            {...form.getInputProps("card_holder_name")}
          />
          <TextInput
            data-testid="token-holder-email"
            label="Card holder email"
            description="Leave empty to keep the one on file"
            type="email"
            autoComplete="off"
            {...form.getInputProps("card_holder_email")}
          />
          <TextInput
            data-testid="token-reason"
            label="Reason (optional)"
            description="Kept in the audit trail"
            maxLength={reasonMaxLength}
            {...form.getInputProps("reason")}
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
