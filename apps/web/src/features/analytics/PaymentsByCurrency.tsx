import { Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import { formatMoney } from "@vbo/domain";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { moneyCsv } from "./breakdownCsv.ts";
import { CsvDownloadButton } from "./CsvDownloadButton.tsx";
import { formatCount } from "./figures.ts";
import type { MoneyGroup } from "./types.ts";

type Props = {
  money: MoneyGroup[] | undefined;
  /** The one card brand shown, if any. */
  brand: string | null;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
};

/** Payments' money per currency with the liability split; each currency in its own unit, never added together. */
export function PaymentsByCurrency({ money, brand, error, retrying, onRetry }: Props) {
  let body: React.ReactNode;
  if (error)
    body = <LoadErrorAlert title="Payments could not be loaded" error={error} onRetry={onRetry} retrying={retrying} />;
  else if (!money) body = <Skeleton h={80} aria-label="Loading payments" />;
  else if (money.length === 0)
    body = (
      <Text c="dimmed" size="sm">
        No payments in this period.
      </Text>
    );
  else {
    body = (
      <Table.ScrollContainer minWidth={560}>
        <Table striped fz="sm" data-testid="payments-table">
          <Table.Caption>Payments (sales, authorisations, pre-authorisations not declined) per currency</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Currency</Table.Th>
              <Table.Th scope="col" ta="right">
                Payments
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Value
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Shifted to the issuer
              </Table.Th>
              <Table.Th scope="col" ta="right">
                Left with the merchant
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {money.map((m) => (
              <Table.Tr key={m.currency_code}>
                <Table.Th scope="row">{m.currency_code}</Table.Th>
                <Table.Td ta="right">{formatCount(m.payments)}</Table.Td>
                <Table.Td ta="right">{formatMoney(m.amount, m.currency_code)}</Table.Td>
                <Table.Td ta="right">{formatMoney(m.issuerAmount, m.currency_code)}</Table.Td>
                <Table.Td ta="right">{formatMoney(m.merchantAmount, m.currency_code)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-labelledby="payments-heading"
      data-testid="section-payments"
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4" id="payments-heading">
            Payments by currency{brand ? ` (${brand})` : ""}
          </Title>
          {money && money.length > 0 && (
            <CsvDownloadButton
              filename="payments-by-currency.csv"
              label="Download payments by currency as CSV"
              csv={() => moneyCsv(money)}
            />
          )}
        </Group>
        {body}
      </Stack>
    </Paper>
  );
}
