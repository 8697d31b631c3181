import { Button, Grid, Group, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { useCurrentUser } from "../../auth/currentUser.ts";
import { useTRPC } from "../../trpc.ts";
import { lastFourMasked } from "./maskedCard.ts";
import { RecentLookups } from "./RecentLookups.tsx";
import { type RecentLookup, readRecentLookups, withLookup, writeRecentLookups } from "./recentLookups.ts";
import { TokenPanel } from "./TokenPanel.tsx";
import { reuseTokenProblem, tokenPath } from "./tokenInputRules.ts";

const browserStorage = () => (typeof window === "undefined" ? null : window.localStorage);

/** The signed-in user's recent look-ups, and a function to put one first. */
function useRecentLookups(userId: string) {
  const [lookups, setLookups] = useState(() => readRecentLookups(browserStorage(), userId));
  const remember = useCallback(
    (lookup: RecentLookup) =>
      setLookups((list) => {
        const next = withLookup(list, lookup);
        writeRecentLookups(browserStorage(), userId, next);
        return next;
      }),
    [userId],
  );
  return { lookups, remember };
}

/**
 * Tokens: support looks up a customer's stored card by its reuse token (checked before any call), sees it masked, and
 * suspends, re-activates, updates or deletes it. The token is in the URL (`/tokens/:reuseToken`), so a link opens it.
 */
export default function TokensPage() {
  const { reuseToken: fromUrl = "" } = useParams();
  const navigate = useNavigate();
  const trpc = useTRPC();
  const user = useCurrentUser();
  const recent = useRecentLookups(user.id);
  const [typed, setTyped] = useState(fromUrl);
  const [typedProblem, setTypedProblem] = useState<string | null>(null);

  // A link or a recent look-up changed the URL: the box shows what is looked up.
  useEffect(() => {
    setTyped(fromUrl);
    setTypedProblem(null);
  }, [fromUrl]);

  const urlProblem = fromUrl ? reuseTokenProblem(fromUrl) : null;
  const reuseToken = fromUrl && !urlProblem ? fromUrl.trim() : null;
  // The same query TokenPanel shows (one request): here for "not found" next to the box and for the history.
  const query = useQuery({ ...trpc.tokens.get.queryOptions({ reuseToken: reuseToken ?? "" }), enabled: !!reuseToken });
  const notFound = query.isError && errorInfo(query.error).code === "NOT_FOUND";
  const token = query.data;

  // Each answer is remembered once: a new look-up, or a state Verifone confirmed after an action.
  const { remember } = recent;
  useEffect(() => {
    if (!token || !reuseToken) return;
    remember({
      reuseToken: token.reuse_token ?? reuseToken,
      card: lastFourMasked(token.last_four),
      brand: token.brand ?? null,
      status: token.token_status ?? null,
      at: new Date().toISOString(),
    });
  }, [token, reuseToken, remember]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = reuseTokenProblem(typed);
    setTypedProblem(problem);
    if (problem) return;
    const path = tokenPath(typed);
    if (typed.trim() === reuseToken) void query.refetch();
    else navigate(path);
  };

  const lookupError = typedProblem ?? urlProblem ?? (notFound ? `No token with this id: ${reuseToken}` : null);

  return (
    <Stack gap="md">
      <div>
        <Title order={2}>Tokens</Title>
        <Text size="sm" c="dimmed">
          Look up a customer's stored card by its reuse token, then suspend, re-activate, update or delete it.
        </Text>
      </div>
      <form onSubmit={submit} noValidate aria-label="Look up a token">
        <Group align="flex-start" gap="sm" wrap="nowrap">
          <TextInput
            data-testid="token-lookup-input"
            aria-label="Reuse token"
            placeholder="Reuse token (14–255 characters)"
            autoComplete="off"
            spellCheck={false}
            ff="monospace"
            style={{ flex: 1, maxWidth: 560 }}
            value={typed}
            error={lookupError}
            errorProps={{ "data-testid": "token-lookup-error" }}
            onChange={(event) => {
              setTyped(event.currentTarget.value);
              setTypedProblem(null);
            }}
          />
          <Button
            type="submit"
            data-testid="token-lookup-submit"
            leftSection={<IconSearch size={16} />}
            loading={!!reuseToken && query.isFetching && !token}
          >
            Look up
          </Button>
        </Group>
      </form>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          {reuseToken && <TokenPanel key={reuseToken} reuseToken={reuseToken} />}
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <RecentLookups lookups={recent.lookups} current={reuseToken} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
