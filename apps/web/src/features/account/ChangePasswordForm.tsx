import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { minPasswordLength } from "@vbo/domain";
import { changePasswordInput } from "@vbo/domain/inputs";
import { z } from "zod";
import { generalError, serverFormErrors } from "../../api/formErrors.ts";
import { useTRPC } from "../../trpc.ts";

// account.changePassword's own schema, and the form's "new password again" (compared even while another field is
// still wrong).
const schema = changePasswordInput.safeExtend({ repeat: z.string() }).refine((v) => v.repeat === v.next, {
  path: ["repeat"],
  message: "The two new passwords differ",
  when: (payload) => typeof (payload.value as { repeat?: unknown } | undefined)?.repeat === "string",
});
const fields = ["current", "next", "repeat"];

type Props = { onChanged: () => void; submitLabel?: string; currentLabel?: string; autoFocus?: boolean };

/** Current password, new password twice. The server ends the user's other sessions. */
export function ChangePasswordForm({ onChanged, submitLabel = "Change password", currentLabel, autoFocus }: Props) {
  const trpc = useTRPC();
  const form = useForm({
    initialValues: { current: "", next: "", repeat: "" },
    validate: schemaResolver(schema, { sync: true }),
    validateInputOnChange: ["next", "repeat"],
  });
  const change = useMutation(
    trpc.account.changePassword.mutationOptions({
      onSuccess: onChanged,
      onError: (error) => form.setErrors(serverFormErrors(error, { fields })),
    }),
  );
  const submit = form.onSubmit(({ current, next }) => {
    if (!change.isPending) change.mutate({ current, next });
  });
  const general = generalError(form);
  return (
    <form onSubmit={submit} aria-label="Change password">
      <Stack gap="sm" maw={420}>
        {general && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />} data-testid="password-error">
            {general}
          </Alert>
        )}
        <PasswordInput
          data-testid="current-password"
          label={currentLabel ?? "Current password"}
          autoComplete="current-password"
          required
          autoFocus={autoFocus}
          {...form.getInputProps("current")}
        />
        <PasswordInput
          data-testid="new-password"
          label="New password"
          description={`At least ${minPasswordLength} characters`}
          autoComplete="new-password"
          required
          {...form.getInputProps("next")}
        />
        <PasswordInput
          data-testid="repeat-password"
          label="New password again"
          autoComplete="new-password"
          required
          {...form.getInputProps("repeat")}
        />
        <Button type="submit" data-testid="change-password" loading={change.isPending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
