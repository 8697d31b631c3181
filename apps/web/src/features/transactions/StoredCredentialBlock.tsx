import { Paper, Stack, Text, Title } from "@mantine/core";
import { describeStoredCredential } from "@vbo/domain";
import { FieldList } from "../../components/FieldList.tsx";
import { TokenLink } from "../tokens/TokenLink.tsx";
import type { TransactionDetail } from "./types.ts";

/** Sign-up or charge, processing model, who initiated it, the scheme's reference and the reuse token used. */
export function StoredCredentialBlock({ tx }: { tx: TransactionDetail }) {
  const described = describeStoredCredential(tx);
  const reuseToken = described?.reuseToken ?? tx.token_details?.reuse_token ?? null;
  return (
    <Paper withBorder p="md" component="section" aria-label="Stored credential">
      <Stack gap="sm">
        <Title order={3} size="h5">
          Stored credential
        </Title>
        {described ? (
          <Text size="sm" fw={600} data-testid="tx-stored-credential-summary">
            {described.summary}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            Not a stored-credential payment{reuseToken ? ", but paid with a stored card" : ""}.
          </Text>
        )}
        <FieldList
          title="Details"
          items={[
            { label: "Type", value: described?.kindLabel },
            { label: "Processing model", value: described?.processingModelLabel },
            { label: "Initiated by", value: described?.initiatorLabel },
            { label: "Scheme reference", value: described?.schemeReference, copy: true },
            { label: "Stored credential reference", value: described?.reference, copy: true },
            {
              label: "Reuse token",
              value: reuseToken,
              node: reuseToken ? (
                <TokenLink reuseToken={reuseToken} label="reuse token" testId="tx-token-link" />
              ) : undefined,
            },
          ]}
        />
      </Stack>
    </Paper>
  );
}
