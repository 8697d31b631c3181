import { Alert, Anchor, Badge, Group, Loader, Stack, Table, Text, Title } from "@mantine/core";
import { IconAlertTriangle } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { cardNumberRefusal, looksLikeCardNumber } from "@vbo/domain";
import { useEffect } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { LoadErrorAlert } from "../../components/LoadErrorAlert.tsx";
import { useTRPC } from "../../trpc.ts";
import { kindLabels, matchedText, recordPath, singleDestination } from "./recordLinks.ts";

/** What a pasted reference found: straight to the record when it is one, else the matches and what each matched. */
export default function FindPage() {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const q = (params.get("q") ?? "").trim();
  const refused = looksLikeCardNumber(q);
  const found = useQuery({ ...trpc.search.find.queryOptions({ q }), enabled: q !== "" && !refused });
  const destination = found.data ? singleDestination(found.data) : null;
  useEffect(() => {
    if (destination) navigate(destination, { replace: true });
  }, [destination, navigate]);

  let body: React.ReactNode;
  if (q === "") body = <Text>Paste an id or a reference into the search box at the top (shortcut: /).</Text>;
  else if (refused) {
    body = (
      <Alert color="red" variant="light" icon={<IconAlertTriangle />} role="alert" data-testid="find-refused">
        {cardNumberRefusal}
      </Alert>
    );
  } else if (found.isError) {
    body = (
      <LoadErrorAlert
        title="The search failed"
        error={found.error}
        onRetry={() => void found.refetch()}
        retrying={found.isFetching}
      />
    );
  } else if (!found.data || destination) body = <Loader aria-label="Searching" />;
  else {
    const { items, failed } = found.data;
    body = (
      <Stack gap="sm">
        {failed.map((f) => (
          <Alert key={f.source} color="yellow" variant="light" icon={<IconAlertTriangle />}>
            The {f.source} could not be searched: {f.message}
          </Alert>
        ))}
        {items.length === 0 ? (
          <Text data-testid="find-none">Nothing has this reference.</Text>
        ) : (
          <Table data-testid="find-results">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Record</Table.Th>
                <Table.Th>Matched</Table.Th>
                <Table.Th>Created</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((m) => (
                <Table.Tr key={`${m.kind}:${m.id}`} data-testid="find-result">
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Badge variant="outline" size="sm">
                        {kindLabels[m.kind]}
                      </Badge>
                      <Anchor component={Link} to={recordPath(m)} ff="monospace" size="sm">
                        {m.id}
                      </Anchor>
                    </Group>
                  </Table.Td>
                  <Table.Td>{matchedText(m.matched)}</Table.Td>
                  <Table.Td>{m.createdAt ?? "—"}</Table.Td>
                  <Table.Td>{[m.status, m.cardBrand].filter(Boolean).join(" · ") || "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <Title order={2}>Find by reference</Title>
      {q && !refused && (
        <Text size="sm">
          Looking for <code>{q}</code> in the authentications, transactions and tokens you may see.
        </Text>
      )}
      {body}
    </Stack>
  );
}
