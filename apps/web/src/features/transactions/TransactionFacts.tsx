import { Code, Paper, Spoiler, Stack, Title } from "@mantine/core";
import { FieldList } from "../../components/FieldList.tsx";
import { Time } from "../../time/Time.tsx";
import { amountText } from "./columns.tsx";
import type { TransactionDetail } from "./types.ts";

const yesNo = (value: boolean | undefined) => (value === undefined ? undefined : value ? "Yes" : "No");

/** The rest of Verifone's record, grouped and labelled; then the record itself as it came. */
export function TransactionFacts({ tx }: { tx: TransactionDetail }) {
  const customer = tx.customer_details;
  const name = [customer?.first_name, customer?.last_name].filter(Boolean).join(" ");
  return (
    <Paper withBorder p="md">
      <Stack gap="lg">
        <FieldList
          title="Payment"
          items={[
            { label: "Amount", value: amountText(tx), hint: `${tx.amount} as Verifone sends it` },
            { label: "Type", value: tx.transaction_type },
            {
              label: "Status",
              value: tx.transaction_status,
              hint: tx.status ? `Verifone status: ${tx.status}` : undefined,
            },
            {
              label: "Created",
              value: tx.created_at,
              node: tx.created_at ? <Time value={tx.created_at} seconds /> : undefined,
              hint: tx.created_at ? `${tx.created_at} as Verifone sends it` : undefined,
            },
            { label: "Merchant reference", value: tx.merchant_reference, copy: true },
            { label: "Reason code", value: tx.reason_code },
            { label: "Authorization code", value: tx.authorization_code },
            { label: "Shopper interaction", value: tx.shopper_interaction },
            { label: "Descriptor", value: tx.dynamic_descriptor },
          ]}
        />
        <FieldList
          title="Card"
          items={[
            { label: "Brand", value: tx.card_brand, hint: tx.payment_product_type },
            { label: "Card number", value: tx.masked_card_number },
            { label: "CVV present", value: yesNo(tx.cvv_present) },
            { label: "CVV result", value: tx.cvv_result },
            { label: "AVS result", value: tx.avs_result },
          ]}
        />
        <FieldList
          title="Customer"
          items={[
            { label: "Name", value: name || undefined },
            { label: "Email", value: customer?.email_address },
            { label: "Customer id", value: tx.customer, copy: true },
            { label: "City", value: tx.city },
            { label: "Country", value: tx.country_code },
            { label: "IP address", value: tx.customer_ip },
          ]}
        />
        <FieldList
          title="Identifiers"
          items={[
            { label: "Transaction id", value: tx.id, copy: true },
            { label: "Parent id", value: tx.parent_id, copy: true },
            { label: "RRN", value: tx.rrn, copy: true },
            { label: "STAN", value: tx.stan },
            { label: "ARN", value: tx.arn, copy: true },
            { label: "Processor reference", value: tx.processor_reference, copy: true },
            { label: "Entity id", value: tx.entity_id, copy: true },
            { label: "Acquirer MID", value: tx.acquirer_merchant_id },
            { label: "Created by", value: tx.created_by },
          ]}
        />
        <Stack gap="xs" component="section" aria-label="Raw">
          <Title order={3} size="h5">
            The record as Verifone returned it (plus liability and actions)
          </Title>
          <Spoiler maxHeight={120} showLabel="Show all" hideLabel="Show less">
            {/* Long lines scroll sideways: focusable, so a keyboard can scroll it too. */}
            <Code block tabIndex={0} aria-label="The record as Verifone returned it">
              {JSON.stringify(tx, null, 2)}
            </Code>
          </Spoiler>
        </Stack>
      </Stack>
    </Paper>
  );
}
