import { Button, Drawer, Skeleton, Stack } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useNavigate, useOutletContext, useParams } from "react-router";
import { RecordBody, RecordNotFound } from "../../components/RecordBody.tsx";
import { useTRPC } from "../../trpc.ts";
import { AuthenticationDetail } from "./AuthenticationDetail.tsx";
import type { ListOutletContext } from "./AuthenticationsPage.tsx";

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
  const body = (
    <RecordBody
      query={query}
      errorTitle="The authentications could not be loaded"
      notFound={
        <RecordNotFound
          title="No such authentication"
          description={`Verifone has no 3-D Secure authentication with the id "${id}". The link may be wrong, or it belongs to another account.`}
        >
          <Button mt="md" onClick={close}>
            Back to the list
          </Button>
        </RecordNotFound>
      }
      loading={
        <Stack aria-label="Loading the authentication">
          <Skeleton height={24} width="60%" />
          <Skeleton height={120} />
          <Skeleton height={160} />
        </Stack>
      }
    >
      {(view) => <AuthenticationDetail view={view} />}
    </RecordBody>
  );

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
