import { Code, Divider, Group, Stack, Text, Title } from "@mantine/core";
import { eciMeaning, formatMoney } from "@vbo/domain";
import { type FieldItem, FieldList } from "../../components/FieldList.tsx";
import { LiabilityBadge, liabilityReasonSentence } from "../../components/LiabilityBadge.tsx";
import { Time } from "../../time/Time.tsx";
import { TokenLink } from "../tokens/TokenLink.tsx";
import { PayloadView } from "./PayloadView.tsx";
import {
  authenticationTypeMeaning,
  challengeCancelMeaning,
  enrolledMeaning,
  meaning,
  paresStatusMeaning,
  signatureMeaning,
} from "./threeDSCodes.ts";
import type { AuthenticationView } from "./types.ts";

// Fields of `authentication` shown in a named group; any others still appear, under "Other fields".
const shownResultFields = new Set([
  "card_brand",
  "threeds_version",
  "enrolled",
  "pares_status",
  "signature_verification",
  "eci_flag",
  "challenge_required",
  "challenge_cancel",
  "authentication_type",
  "acs_rendering_type",
  "network_score",
  "cardholder_info",
  "acs_url",
  "cavv",
  "cavv_algorithm",
  "ds_transaction_id",
  "acs_transaction_id",
  "order_id",
  "xid",
  "reason_code",
  "reason_desc",
  "status_reason",
  "error_no",
  "error_desc",
  "payload",
  "authorization_payload",
]);
const shownTopFields = new Set([
  "_id",
  "amount",
  "currency_code",
  "created_at",
  "card",
  "entity_id",
  "threeds_contract_id",
  "transaction_id",
  "authentication",
  "liability",
]);

const text = (value: unknown): string | undefined =>
  value === undefined || value === null ? undefined : typeof value === "object" ? JSON.stringify(value) : String(value);

function otherFields(view: AuthenticationView): FieldItem[] {
  const top = Object.entries(view).filter(([key]) => !shownTopFields.has(key));
  const nested = Object.entries(view.authentication ?? {}).filter(([key]) => !shownResultFields.has(key));
  return [
    ...top.map(([key, value]) => ({ label: key, value: text(value) })),
    ...nested.map(([key, value]) => ({ label: `authentication.${key}`, value: text(value) })),
  ];
}

/** Every field of one authentication, grouped and labelled. */
export function AuthenticationDetail({ view }: { view: AuthenticationView }) {
  const a = view.authentication ?? {};
  const others = otherFields(view);
  return (
    <Stack gap="lg">
      <FieldList
        title="Amount & card"
        items={[
          {
            label: "Amount",
            value:
              view.amount === undefined
                ? undefined
                : view.currency_code
                  ? formatMoney(view.amount, view.currency_code)
                  : String(view.amount),
            hint: view.amount === undefined ? undefined : `${view.amount} in minor units`,
          },
          { label: "Currency", value: view.currency_code },
          { label: "Card brand", value: a.card_brand },
          {
            label: "Card id",
            value: view.card,
            // In Verifone's records the card id is the reuse token: it opens the stored card on Tokens.
            node: view.card ? <TokenLink reuseToken={view.card} /> : undefined,
          },
          {
            label: "Created",
            value: view.created_at,
            node: view.created_at ? <Time value={view.created_at} seconds /> : undefined,
            hint: view.created_at ? `${view.created_at} as Verifone sends it` : undefined,
          },
        ]}
      />
      <FieldList
        title="3-D Secure result"
        items={[
          { label: "3DS version", value: a.threeds_version },
          { label: "Enrolled", value: a.enrolled, hint: meaning(enrolledMeaning, a.enrolled) },
          { label: "ParesStatus", value: a.pares_status, hint: meaning(paresStatusMeaning, a.pares_status) },
          {
            label: "Signature verification",
            value: a.signature_verification,
            hint: meaning(signatureMeaning, a.signature_verification),
          },
          { label: "ECI", value: a.eci_flag },
          { label: "Challenge required", value: a.challenge_required },
          {
            label: "Challenge cancel",
            value: a.challenge_cancel,
            hint: meaning(challengeCancelMeaning, a.challenge_cancel),
          },
          {
            label: "Authentication type",
            value: a.authentication_type,
            hint: meaning(authenticationTypeMeaning, a.authentication_type),
          },
          { label: "ACS rendering type", value: text(a.acs_rendering_type) },
          { label: "Network score", value: a.network_score },
          { label: "Cardholder info", value: a.cardholder_info },
          { label: "ACS URL", value: a.acs_url },
          { label: "CAVV", value: a.cavv, copy: true },
          { label: "CAVV algorithm", value: a.cavv_algorithm },
        ]}
      />
      <Stack gap="xs" component="section" aria-label="Liability">
        <Title order={3} size="h5">
          Liability
        </Title>
        <Group gap="sm">
          <LiabilityBadge liability={view.liability} />
          <Text size="sm">
            {view.liability.liable === "ISSUER"
              ? "The issuer carries fraud liability."
              : "The merchant carries fraud liability."}
          </Text>
        </Group>
        <Text size="sm" data-testid="liability-reason">
          {liabilityReasonSentence(view.liability.reason)}
        </Text>
        <Text size="sm" c="dimmed">
          {eciMeaning(a.eci_flag, a.card_brand)} (ECI class: {view.liability.eci})
        </Text>
      </Stack>
      <FieldList
        title="Identifiers"
        items={[
          { label: "Authentication id", value: view._id, copy: true },
          { label: "Transaction id", value: view.transaction_id, copy: true },
          { label: "DS transaction id", value: a.ds_transaction_id, copy: true },
          { label: "ACS transaction id", value: a.acs_transaction_id, copy: true },
          { label: "Order id", value: a.order_id, copy: true },
          { label: "XID", value: a.xid, copy: true },
          { label: "Entity id", value: view.entity_id, copy: true },
          { label: "3DS contract id", value: view.threeds_contract_id, copy: true },
        ]}
      />
      <FieldList
        title="Error / reason"
        items={[
          { label: "Reason code", value: a.reason_code },
          { label: "Reason description", value: a.reason_desc },
          { label: "Status reason", value: a.status_reason },
          { label: "Error number", value: a.error_no },
          { label: "Error description", value: a.error_desc },
        ]}
      />
      {others.length > 0 && <FieldList title="Other fields" items={others} />}
      <Stack gap="sm" component="section" aria-label="Raw">
        <Title order={3} size="h5">
          Raw
        </Title>
        <PayloadView label="payload" value={a.payload} />
        <PayloadView label="authorization_payload" value={a.authorization_payload} />
        <Divider label="The record as Verifone returned it (plus liability)" labelPosition="left" />
        <Code
          block
          tabIndex={0}
          aria-label="The record as Verifone returns it"
          style={{ maxHeight: 400, overflow: "auto" }}
        >
          {JSON.stringify(view, null, 2)}
        </Code>
      </Stack>
    </Stack>
  );
}
