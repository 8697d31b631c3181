import { Anchor, Button, Grid, Group, Skeleton, Stack, Text, Title } from "@mantine/core";
import { IconArrowLeft } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { Link, useLocation, useParams } from "react-router";
import { CopyValue } from "../../components/CopyValue.tsx";
import { RecordBody, RecordNotFound } from "../../components/RecordBody.tsx";
import { useTRPC } from "../../trpc.ts";
import { ActionsPanel } from "./ActionsPanel.tsx";
import { amountText } from "./columns.tsx";
import { Lifecycle } from "./Lifecycle.tsx";
import { StatusBadge } from "./StatusBadge.tsx";
import { StoredCredentialBlock } from "./StoredCredentialBlock.tsx";
import { ThreeDSBlock } from "./ThreeDSBlock.tsx";
import { TransactionFacts } from "./TransactionFacts.tsx";
import type { TransactionDetail } from "./types.ts";

function Detail({ tx }: { tx: TransactionDetail }) {
  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Title order={2} size="h3">
          {tx.transaction_type ?? "Transaction"} · {amountText(tx)}
        </Title>
        <StatusBadge status={tx.transaction_status} />
      </Group>
      {tx.id && <CopyValue value={tx.id} label="transaction id" />}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Lifecycle tx={tx} />
            <ThreeDSBlock tx={tx} />
            <StoredCredentialBlock tx={tx} />
            <TransactionFacts tx={tx} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <div style={{ position: "sticky", top: 72 }}>
            <ActionsPanel tx={tx} />
          </div>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/**
 * One transaction at /transactions/:id — its lifecycle, 3-D Secure verdict, stored credential and the money moves it
 * allows. The list's search params travel along, so "Back to the list" returns to the same view. Loaded on demand.
 */
export default function TransactionPage() {
  const { id = "" } = useParams();
  const { search } = useLocation();
  const trpc = useTRPC();
  const query = useQuery(trpc.transactions.get.queryOptions({ id }));
  const back = { pathname: "/transactions", search };
  const body = (
    <RecordBody
      query={query}
      errorTitle="The transaction could not be loaded"
      notFound={
        <RecordNotFound
          title="No such transaction"
          description={`Verifone has no transaction with the id "${id}". The link may be wrong, or it belongs to another account.`}
        >
          <Button mt="md" component={Link} to={back}>
            Back to the list
          </Button>
        </RecordNotFound>
      }
      loading={
        <Stack aria-label="Loading the transaction">
          <Skeleton height={32} width="50%" />
          <Skeleton height={200} />
          <Skeleton height={160} />
        </Stack>
      }
    >
      {(tx) => <Detail tx={tx} />}
    </RecordBody>
  );

  return (
    <Stack gap="md" data-testid="tx-detail" data-id={id} aria-busy={query.isFetching || undefined}>
      <Anchor component={Link} to={back} size="sm" data-testid="tx-back">
        <Group gap={4} component="span">
          <IconArrowLeft size={14} aria-hidden />
          <Text span size="sm">
            Back to the transactions
          </Text>
        </Group>
      </Anchor>
      {body}
    </Stack>
  );
}
