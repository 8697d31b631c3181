import { Alert, Anchor, Button, PinInput, Stack, Text, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { IconAlertCircle, IconFingerprint } from "@tabler/icons-react";
import { mfaRecoveryInput, mfaTotpInput } from "@vbo/domain/inputs";
import { useState } from "react";

// auth.mfa.verify's two typed branches; the form checks the one shown.
const checkTotp = schemaResolver(mfaTotpInput, { sync: true });
const checkRecovery = schemaResolver(mfaRecoveryInput, { sync: true });

type Props = {
  onSubmit: (input: { totp: string } | { recoveryCode: string }) => void;
  pending: boolean;
  error: string | null;
  /** What the user has set up (auth.login's `mfa.methods`). */
  methods: readonly string[];
  onPasskey: () => void;
  passkeyPending: boolean;
};

/** The second step of signing in: the 6-digit code of the authenticator app, or one recovery code. */
export function MfaForm({ onSubmit, pending, error, methods, onPasskey, passkeyPending }: Props) {
  const [recovery, setRecovery] = useState(false);
  const form = useForm({
    initialValues: { totp: "", recoveryCode: "" },
    validate: (values) => (recovery ? checkRecovery(values) : checkTotp(values)),
  });
  const code = recovery ? form.values.recoveryCode : form.values.totp;
  const hasTotp = methods.includes("totp");
  const hasPasskey = methods.includes("passkey");
  if (!hasTotp) {
    return (
      <Stack gap="md">
        <Text size="sm">Confirm it is you with your passkey.</Text>
        {error && (
          <Alert data-testid="mfa-error" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
            {error}
          </Alert>
        )}
        <Button
          data-testid="mfa-passkey"
          leftSection={<IconFingerprint size={16} />}
          loading={passkeyPending}
          onClick={onPasskey}
          autoFocus
        >
          Use a passkey
        </Button>
      </Stack>
    );
  }
  const submit = form.onSubmit(({ totp, recoveryCode }) => {
    if (pending) return;
    onSubmit(recovery ? { recoveryCode: recoveryCode.trim() } : { totp });
  });
  return (
    <form onSubmit={submit} aria-label="Second factor">
      <Stack gap="md">
        <Text size="sm">
          {recovery
            ? "Enter one of the recovery codes you saved when you set up your authenticator. Each works once."
            : "Enter the 6-digit code your authenticator app shows for Verifone Back Office."}
        </Text>
        {error && (
          <Alert data-testid="mfa-error" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
            {error}
          </Alert>
        )}
        {recovery ? (
          <TextInput
            data-testid="recovery-code"
            label="Recovery code"
            autoComplete="off"
            required
            autoFocus
            {...form.getInputProps("recoveryCode")}
          />
        ) : (
          <PinInput
            data-testid="totp-code"
            length={6}
            type="number"
            oneTimeCode
            autoFocus
            ariaLabel="6-digit code"
            {...form.getInputProps("totp")}
            onComplete={(value) => !pending && onSubmit({ totp: value })}
          />
        )}
        <Button
          data-testid="mfa-submit"
          type="submit"
          disabled={pending || code.length === 0}
          loading={pending}
          fullWidth
        >
          Verify
        </Button>
        {hasPasskey && (
          <Button
            data-testid="mfa-passkey"
            variant="default"
            leftSection={<IconFingerprint size={16} />}
            loading={passkeyPending}
            onClick={onPasskey}
          >
            Use a passkey instead
          </Button>
        )}
        <Anchor
          component="button"
          type="button"
          size="sm"
          onClick={() => {
            setRecovery(!recovery);
            form.reset();
          }}
        >
          {recovery ? "Use the authenticator app instead" : "Use a recovery code instead"}
        </Anchor>
      </Stack>
    </form>
  );
}
