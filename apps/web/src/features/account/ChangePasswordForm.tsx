import { Alert, Button, PasswordInput, Stack } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import { minPasswordLength } from "@vbo/domain";
import { type FormEvent, useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";
import { useTRPC } from "../../trpc.ts";

type Props = { onChanged: () => void; submitLabel?: string; currentLabel?: string; autoFocus?: boolean };

/** Current password, new password twice. The server ends the user's other sessions. */
export function ChangePasswordForm({ onChanged, submitLabel = "Change password", currentLabel, autoFocus }: Props) {
  const trpc = useTRPC();
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const change = useMutation(trpc.account.changePassword.mutationOptions({ onSuccess: onChanged }));
  const mismatch = repeat.length > 0 && repeat !== next ? "The two new passwords differ" : null;
  const tooShort =
    next.length > 0 && next.length < minPasswordLength ? `At least ${minPasswordLength} characters` : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (mismatch || tooShort || change.isPending) return;
    change.mutate({ current, next });
  };
  return (
    <form onSubmit={submit} aria-label="Change password">
      <Stack gap="sm" maw={420}>
        {change.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />} data-testid="password-error">
            {errorInfo(change.error).message}
          </Alert>
        )}
        <PasswordInput
          data-testid="current-password"
          label={currentLabel ?? "Current password"}
          autoComplete="current-password"
          required
          autoFocus={autoFocus}
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
        />
        <PasswordInput
          data-testid="new-password"
          label="New password"
          description={`At least ${minPasswordLength} characters`}
          autoComplete="new-password"
          required
          error={tooShort}
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
        />
        <PasswordInput
          data-testid="repeat-password"
          label="New password again"
          autoComplete="new-password"
          required
          error={mismatch}
          value={repeat}
          onChange={(e) => setRepeat(e.currentTarget.value)}
        />
        <Button type="submit" data-testid="change-password" loading={change.isPending} w="fit-content">
          {submitLabel}
        </Button>
      </Stack>
    </form>
  );
}
