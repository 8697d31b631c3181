import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { eciMeaning } from "@vbo/domain";
import { Link, useLocation } from "react-router";
import { FieldList } from "../../components/FieldList.tsx";
import { LiabilityBadge, liabilityReasonSentence } from "../../components/LiabilityBadge.tsx";
import { enrolledMeaning, meaning, paresStatusMeaning } from "../authentications/threeDSCodes.ts";
import { encodeListState } from "../authentications/urlState.ts";
import type { TransactionDetail } from "./types.ts";

/** The authentications list filtered on this DS transaction id: the 3-D Secure record the verdict was checked with. */
function authenticationsLink(dsTransactionId: string): string {
  const filters = [{ field: "authentication.ds_transaction_id", op: "eq" as const, value: dsTransactionId }];
  return `/authentications?${encodeListState({ filters, sort: [{ field: "created_at", desc: true }], limit: 50, skip: 0 })}`;
}

/**
 * The payment's 3-D Secure block as Verifone keeps it, and the verdict: who carries fraud liability, and why.
 * The block has no signature verification; the API completed it from the authentication with the same DS id.
 */
/** The verdict and its reason, in words: the payment's own, or — for a follow-on — its original payment's. */
function Verdict({ tx }: { tx: TransactionDetail }) {
  const { search } = useLocation();
  const kind = (tx.transaction_type ?? "transaction").toLowerCase();
  const original = tx.liabilityOf && (
    <Anchor
      component={Link}
      to={{ pathname: `/transactions/${encodeURIComponent(tx.liabilityOf)}`, search }}
      ff="monospace"
      size="sm"
      data-testid="tx-liability-of"
    >
      {tx.liabilityOf}
    </Anchor>
  );
  if (!tx.liability) {
    return (
      <Text size="sm" data-testid="tx-liability-reason">
        — Liability unknown: this {kind} carries its original payment's verdict, and that payment could not be read. See
        the payment {original}.
      </Text>
    );
  }
  const issuer = tx.liability.liable === "ISSUER";
  return (
    <>
      <Group gap="sm">
        <LiabilityBadge liability={tx.liability} carried={Boolean(tx.liabilityOf)} />
        <Text size="sm">
          {issuer ? "The issuer carries fraud liability." : "The merchant carries fraud liability."}
        </Text>
      </Group>
      {tx.liabilityOf && (
        <Text size="sm" data-testid="tx-liability-carried">
          A {kind} is not authenticated itself: it carries the verdict of its original payment {original}.
        </Text>
      )}
      <Text size="sm" data-testid="tx-liability-reason">
        {liabilityReasonSentence(tx.liability.reason)}
      </Text>
    </>
  );
}

export function ThreeDSBlock({ tx }: { tx: TransactionDetail }) {
  const t = tx.threed_authentication;
  return (
    <Paper withBorder p="md" component="section" aria-label="3-D Secure">
      <Stack gap="sm">
        <Title order={3} size="h5">
          3-D Secure
        </Title>
        <Verdict tx={tx} />
        {t ? (
          <>
            <Text size="sm" c="dimmed">
              {eciMeaning(t.eci_flag, tx.card_brand)}
              {tx.liability && !tx.liabilityOf && ` (ECI class: ${tx.liability.eci})`}
            </Text>
            <FieldList
              title="Authentication sent with the payment"
              items={[
                { label: "3DS version", value: t.threeds_version },
                { label: "Enrolled", value: t.enrolled, hint: meaning(enrolledMeaning, t.enrolled) },
                { label: "ParesStatus", value: t.pares_status, hint: meaning(paresStatusMeaning, t.pares_status) },
                { label: "ECI", value: t.eci_flag },
                { label: "CAVV", value: t.cavv, copy: true },
                { label: "CAVV algorithm", value: t.cavv_algorithm },
                { label: "XID", value: t.xid, copy: true },
                { label: "DS transaction id", value: t.ds_transaction_id, copy: true },
              ]}
            />
            {t.ds_transaction_id && (
              <Anchor component={Link} to={authenticationsLink(t.ds_transaction_id)} size="sm">
                Open the matching 3-D Secure authentication
              </Anchor>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {tx.parent_id
              ? `No 3-D Secure authentication is sent with a ${(tx.transaction_type ?? "follow-on").toLowerCase()}.`
              : "No 3-D Secure authentication was sent with this payment."}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
