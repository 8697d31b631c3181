import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { loginInput } from "@vbo/domain/inputs";

export type Credentials = { email: string; password: string };

type Props = {
  onSubmit: (credentials: Credentials) => void;
  /** A sign-in is in flight: the button is disabled (no double submit) and says so. */
  pending: boolean;
  /** The server's message, shown as is: one generic text for wrong credentials, or the throttle's "try again in N s". */
  error: string | null;
};

export function LoginForm({ onSubmit, pending, error }: Props) {
  // auth.login's own schema; its problems show on the fields.
  const form = useForm({
    initialValues: { email: "", password: "" },
    validate: schemaResolver(loginInput, { sync: true }),
  });
  const submit = form.onSubmit(({ email, password }) => {
    if (!pending) onSubmit({ email: email.trim(), password });
  });
  return (
    <form onSubmit={submit} aria-label="Sign in">
      <Stack gap="md">
        {error && (
          <Alert data-testid="login-error" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
            {error}
          </Alert>
        )}
        <TextInput
          data-testid="login-email"
          label="Email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          {...form.getInputProps("email")}
        />
        <PasswordInput
          data-testid="login-password"
          label="Password"
          autoComplete="current-password"
          required
          {...form.getInputProps("password")}
        />
        <Button data-testid="login-submit" type="submit" disabled={pending} loading={pending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
