import { Button, Drawer, EmptyState, Skeleton, Stack } from "@mantine/core";
import { IconSearchOff } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useNavigate, useOutletContext, useParams } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { useTRPC } from "../../trpc.ts";
import { AuthenticationDetail } from "./AuthenticationDetail.tsx";
import type { ListOutletContext } from "./AuthenticationsPage.tsx";
import { ListErrorState } from "./ListErrorState.tsx";

/**
 * The detail of one authentication, at /authentications/:id. It keeps the list's search params, so closing it
 * (button, Escape, click outside) returns to exactly the same view. Loaded on demand (code-split).
 */
export default function AuthenticationDrawer() {
  const { id = "" } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const { rowById } = useOutletContext<ListOutletContext>();
  const trpc = useTRPC();
  const query = useQuery(trpc.authentications.get.queryOptions({ id }, { placeholderData: () => rowById(id) }));
  const close = () => navigate({ pathname: "/authentications", search });
  const notFound = query.isError && errorInfo(query.error).code === "NOT_FOUND";

  let body: React.ReactNode;
  if (notFound) {
    body = (
      <EmptyState
        data-testid="detail-not-found"
        icon={<IconSearchOff size={32} />}
        withIndicatorBackground
        title="No such authentication"
        description={`Verifone has no 3-D Secure authentication with the id "${id}". The link may be wrong, or it belongs to another account.`}
      >
        <Button mt="md" onClick={close}>
          Back to the list
        </Button>
      </EmptyState>
    );
  } else if (query.isError) {
    body = <ListErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  } else if (query.data) {
    body = <AuthenticationDetail view={query.data} />;
  } else {
    body = (
      <Stack aria-label="Loading the authentication">
        <Skeleton height={24} width="60%" />
        <Skeleton height={120} />
        <Skeleton height={160} />
      </Stack>
    );
  }

  return (
    <Drawer.Root opened onClose={close} position="right" size="xl" closeOnEscape returnFocus>
      <Drawer.Overlay />
      <Drawer.Content data-testid="auth-detail" aria-label={`Authentication ${id}`}>
        <Drawer.Header>
          <Drawer.Title fw={700}>Authentication {id}</Drawer.Title>
          <Drawer.CloseButton aria-label="Close the detail" />
        </Drawer.Header>
        <Drawer.Body>{body}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
