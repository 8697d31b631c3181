import { Alert, Button, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";

export type Credentials = { email: string; password: string };

type Props = {
  onSubmit: (credentials: Credentials) => void;
  /** A sign-in is in flight: the button is disabled (no double submit) and says so. */
  pending: boolean;
  /** The server's message, shown as is: one generic text for wrong credentials, or the throttle's "try again in N s". */
  error: string | null;
};

export function LoginForm({ onSubmit, pending, error }: Props) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) onSubmit({ email: email.trim(), password });
  };
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
          value={email}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <PasswordInput
          data-testid="login-password"
          label="Password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
        />
        <Button data-testid="login-submit" type="submit" disabled={pending} loading={pending} fullWidth>
          Sign in
        </Button>
      </Stack>
    </form>
  );
}
