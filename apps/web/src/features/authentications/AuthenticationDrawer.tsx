import { Button, Drawer, Group, Skeleton, Stack } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useQuery } from "@tanstack/react-query";
import { useLocation, useNavigate, useOutletContext, useParams } from "react-router";
import { rememberOpenedRow } from "../../components/list/rowFocus.ts";
import { usePendingSteps } from "../../components/list/usePendingSteps.ts";
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
  const { rowById, neighbours } = useOutletContext<ListOutletContext>();
  const { previous, next } = neighbours(id);
  const steps = usePendingSteps(id);
  // A step is taken from the record last asked for: a fast double click moves two records, not one twice.
  const go = (direction: "previous" | "next") => {
    const other = neighbours(steps.latest())[direction];
    if (!other) return;
    steps.push(other);
    // Closing the drawer then returns focus to the row shown last.
    rememberOpenedRow("auth-table", other, "/authentications");
    navigate({ pathname: `/authentications/${encodeURIComponent(other)}`, search }, { replace: true });
  };
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
          <Group gap={4} wrap="nowrap">
            <Button
              variant="default"
              size="compact-sm"
              leftSection={<IconChevronLeft size={14} aria-hidden />}
              disabled={!previous}
              onClick={() => go("previous")}
              data-testid="detail-previous"
            >
              Previous
            </Button>
            <Button
              variant="default"
              size="compact-sm"
              rightSection={<IconChevronRight size={14} aria-hidden />}
              disabled={!next}
              onClick={() => go("next")}
              data-testid="detail-next"
            >
              Next
            </Button>
            <Drawer.CloseButton aria-label="Close the detail" />
          </Group>
        </Drawer.Header>
        <Drawer.Body>{body}</Drawer.Body>
      </Drawer.Content>
    </Drawer.Root>
  );
}
