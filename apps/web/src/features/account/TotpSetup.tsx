import { Alert, Button, Code, Group, Image, List, PinInput, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconAlertCircle, IconDownload } from "@tabler/icons-react";
import { useMutation } from "@tanstack/react-query";
import QRCode from "qrcode";
import { useEffect, useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";
import { CopyValue } from "../../components/CopyValue.tsx";
import { useTRPC } from "../../trpc.ts";

/**
 * Setting up an authenticator app: scan the QR code (or type the key), confirm one code, then save the ten recovery
 * codes — shown this once. `onDone` runs when the user says they have saved them.
 */
export function TotpSetup({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const begin = useMutation(trpc.account.totp.begin.mutationOptions());
  const confirm = useMutation(trpc.account.totp.confirm.mutationOptions());
  const [code, setCode] = useState("");
  const [qr, setQr] = useState<string | null>(null);
  const uri = begin.data?.uri;

  useEffect(() => {
    if (!uri) return;
    let live = true;
    void QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [uri]);

  if (confirm.data) {
    const codes = confirm.data.recoveryCodes;
    const download = `data:text/plain;charset=utf-8,${encodeURIComponent(`${codes.join("\n")}\n`)}`;
    return (
      <Stack gap="sm" data-testid="recovery-codes">
        <Text fw={600}>Your authenticator is set up. Save these recovery codes now.</Text>
        <Text size="sm">
          Each one signs you in once if your phone is lost. They are shown only this once; we keep only a fingerprint of
          them.
        </Text>
        <SimpleGrid cols={2} spacing={4} maw={320}>
          {codes.map((c) => (
            <Code key={c} data-testid="recovery-code-value">
              {c}
            </Code>
          ))}
        </SimpleGrid>
        <Group gap="sm">
          <Button
            component="a"
            href={download}
            download="verifone-back-office-recovery-codes.txt"
            variant="default"
            leftSection={<IconDownload size={16} />}
          >
            Download
          </Button>
          <Button data-testid="recovery-codes-saved" onClick={onDone}>
            I have saved them
          </Button>
        </Group>
      </Stack>
    );
  }

  if (!begin.data) {
    return (
      <Stack gap="sm" align="flex-start">
        {begin.isError && (
          <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
            {errorInfo(begin.error).message}
          </Alert>
        )}
        <Button data-testid="totp-begin" loading={begin.isPending} onClick={() => begin.mutate()}>
          Set up an authenticator app
        </Button>
      </Stack>
    );
  }

  const submit = (value: string) => {
    if (!confirm.isPending && value.length === 6) confirm.mutate({ code: value });
  };
  return (
    <Stack gap="sm">
      <List type="ordered" size="sm" spacing={4}>
        <List.Item>Open an authenticator app (Google Authenticator, Microsoft Authenticator, 1Password, …).</List.Item>
        <List.Item>Scan this QR code, or enter the key by hand.</List.Item>
        <List.Item>Type the 6-digit code it shows.</List.Item>
      </List>
      <Group align="flex-start" gap="lg">
        {qr ? (
          <Image src={qr} w={200} h={200} alt="QR code to scan with your authenticator app" data-testid="totp-qr" />
        ) : (
          <div style={{ width: 200, height: 200 }} />
        )}
        <Stack gap={4}>
          <Text size="sm" c="dimmed">
            Key
          </Text>
          <div data-testid="totp-secret" data-secret={begin.data.secret}>
            <CopyValue value={begin.data.secret} label="key" />
          </div>
        </Stack>
      </Group>
      {confirm.isError && (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />} data-testid="totp-error">
          {errorInfo(confirm.error).message}
        </Alert>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit(code);
        }}
      >
        <Group gap="sm" align="flex-end">
          <PinInput
            data-testid="totp-confirm-code"
            length={6}
            type="number"
            oneTimeCode
            ariaLabel="6-digit code from the app"
            value={code}
            onChange={setCode}
            onComplete={submit}
          />
          <Button type="submit" data-testid="totp-confirm" loading={confirm.isPending} disabled={code.length !== 6}>
            Confirm
          </Button>
        </Group>
      </form>
    </Stack>
  );
}
