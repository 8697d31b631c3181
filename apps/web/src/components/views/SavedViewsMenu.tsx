import { Badge, Button, Menu, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import {
  IconBookmark,
  IconChevronDown,
  IconDeviceFloppy,
  IconPencil,
  IconStar,
  IconStarOff,
  IconTrash,
} from "@tabler/icons-react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { VisibilityState } from "@tanstack/react-table";
import type { RouterOutputs } from "@vbo/api";
import type { SavedViewPage } from "@vbo/domain";
import { lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate } from "react-router";
import { errorInfo } from "../../api/errorInfo.ts";
import { useCurrentUser } from "../../auth/currentUser.ts";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import { useTRPC } from "../../trpc.ts";
import { ConfirmDialog } from "../ConfirmDialog.tsx";
import { type DateRangeParams, relativeDays, resolvePeriod, toRelative } from "./relativePeriod.ts";
import type { SaveViewValues } from "./SaveViewDialog.tsx";
import { openViewQuery, sameViewQuery, viewQueryFrom } from "./viewQuery.ts";

// The dialog (its form and the views' zod schema) loads when it is first opened, not with every list page.
const SaveViewDialog = lazy(() => import("./SaveViewDialog.tsx").then((m) => ({ default: m.SaveViewDialog })));

export type SavedView = RouterOutputs["views"]["list"]["items"][number];

type Props = {
  page: SavedViewPage;
  /** The list's path; opening a view goes there (closing an open record). Default `/<page>`. */
  path?: string;
  /** The page's column chooser, when it has one: views then keep the columns too. */
  columns?: { visibility: VisibilityState; onChange: (visibility: VisibilityState) => void };
  /** How the page keeps its date range in the URL: a range up to today can then be saved as "the last N days". */
  dates?: DateRangeParams;
};

type Dialog = { kind: "save" } | { kind: "rename"; view: SavedView } | { kind: "delete"; view: SavedView } | null;

/**
 * Saved views of one list page: open one, save the current filters, sort, columns and page size under a name (private
 * or shared), rename, overwrite, delete, and pick the one that opens when the page is opened without a query.
 */
export function SavedViewsMenu({ page, path = `/${page}`, columns, dates }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const user = useCurrentUser();
  const views = useQuery(trpc.views.list.queryOptions({ page }));
  const zone = useTimeZone();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [mutationError, setMutationError] = useState<unknown>(null);

  const current = viewQueryFrom(location.search, columns?.visibility);
  // A date range running up to today is saved as "the last N days", so the view still means that tomorrow.
  const relative = dates ? toRelative(current, dates, new Date(), zone) : null;
  const relativeDayCount = dates && relative ? relativeDays(current, dates, new Date(), zone) : null;
  const items = views.data?.items ?? [];
  const resolved = (view: SavedView) => resolvePeriod(view.query, dates, new Date(), zone);
  const active = items.find((v) => sameViewQuery(resolved(v), current)) ?? null;

  const open = (view: SavedView) => {
    const { search, columns: cols } = openViewQuery(resolved(view));
    if (cols && columns) columns.onChange(cols);
    navigate({ pathname: path, search });
  };

  // Opened without a query: the person's default view, once.
  const defaultChecked = useRef(false);
  const defaultView = items.find((v) => v.isDefault);
  useEffect(() => {
    if (defaultChecked.current || !views.data) return;
    defaultChecked.current = true;
    if (location.search === "" && defaultView) {
      const { search, columns: cols } = openViewQuery(resolvePeriod(defaultView.query, dates, new Date(), zone));
      if (cols && columns) columns.onChange(cols);
      navigate({ pathname: location.pathname, search }, { replace: true });
    }
  }, [views.data, defaultView, location.search, location.pathname, navigate, columns, dates, zone]);

  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.views.list.queryKey({ page }) });
  const done = (message: string) => {
    setDialog(null);
    setMutationError(null);
    notifications.show({ message, color: "green" });
    return refresh();
  };
  const failed = (error: unknown) => {
    setMutationError(error);
    // Outside a dialog (overwrite, default), the message is a notification.
    if (!dialogRef.current)
      notifications.show({ title: "The view was not changed", message: errorInfo(error).message, color: "red" });
  };
  const dialogRef = useRef<Dialog>(null);
  dialogRef.current = dialog;

  const create = useMutation(
    trpc.views.create.mutationOptions({ onError: failed, onSuccess: (v) => done(`Saved "${v.name}"`) }),
  );
  const update = useMutation(
    trpc.views.update.mutationOptions({ onError: failed, onSuccess: (v) => done(`Updated "${v.name}"`) }),
  );
  const remove = useMutation(
    trpc.views.delete.mutationOptions({ onError: failed, onSuccess: () => done("View deleted") }),
  );
  const setDefault = useMutation(
    trpc.views.setDefault.mutationOptions({
      onError: failed,
      onSuccess: (_r, input) => done(input.id ? "This view now opens with the page" : "The page opens as it is again"),
    }),
  );
  const pending = create.isPending || update.isPending || remove.isPending;

  const saveInitial = useMemo<SaveViewValues>(() => ({ name: "", shared: false, relative: true }), []);
  const renameInitial = useMemo<SaveViewValues>(
    () =>
      dialog?.kind === "rename" ? { name: dialog.view.name, shared: dialog.view.shared, relative: false } : saveInitial,
    [dialog, saveInitial],
  );
  const closeDialog = () => {
    if (pending) return;
    setDialog(null);
    setMutationError(null);
  };

  const mine = active && active.owner.id === user.id ? active : null;
  const canDelete = (v: SavedView) => v.owner.id === user.id || (v.shared && user.role === "admin");

  return (
    <>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconBookmark size={14} />}
            rightSection={<IconChevronDown size={14} />}
            data-testid="views-menu"
          >
            {active ? `View: ${active.name}` : "Views"}
          </Button>
        </Menu.Target>
        <Menu.Dropdown miw={280} data-testid="views-dropdown">
          <Menu.Label>Saved views</Menu.Label>
          {views.isError && <Menu.Label>Could not load the views: {errorInfo(views.error).message}</Menu.Label>}
          {views.data && items.length === 0 && <Menu.Label>No saved views on this page yet</Menu.Label>}
          {items.map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => open(view)}
              leftSection={view.isDefault ? <IconStar size={14} aria-label="Default view" /> : null}
              rightSection={
                view.owner.id === user.id ? (
                  view.shared ? (
                    <Badge size="xs" variant="outline">
                      Shared
                    </Badge>
                  ) : null
                ) : (
                  <Text size="xs">{view.owner.name}</Text>
                )
              }
              data-testid="view-item"
              aria-current={view.id === active?.id ? "true" : undefined}
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={() => setDialog({ kind: "save" })}>
            Save current view…
          </Menu.Item>
          {active && (
            <>
              <Menu.Label>{active.name}</Menu.Label>
              {active.isDefault ? (
                <Menu.Item
                  leftSection={<IconStarOff size={14} />}
                  onClick={() => setDefault.mutate({ page, id: null })}
                >
                  Stop opening it with the page
                </Menu.Item>
              ) : (
                <Menu.Item
                  leftSection={<IconStar size={14} />}
                  onClick={() => setDefault.mutate({ page, id: active.id })}
                >
                  Open it with the page (default)
                </Menu.Item>
              )}
              {mine && (
                <Menu.Item
                  leftSection={<IconPencil size={14} />}
                  onClick={() => setDialog({ kind: "rename", view: mine })}
                >
                  Rename or share…
                </Menu.Item>
              )}
              {canDelete(active) && (
                <Menu.Item
                  color="red"
                  leftSection={<IconTrash size={14} />}
                  onClick={() => setDialog({ kind: "delete", view: active })}
                >
                  Delete…
                </Menu.Item>
              )}
            </>
          )}
          {!active && items.some((v) => v.owner.id === user.id) && (
            <>
              <Menu.Label>Overwrite with the current view</Menu.Label>
              {items
                .filter((v) => v.owner.id === user.id)
                .map((view) => (
                  <Menu.Item
                    key={view.id}
                    onClick={() => update.mutate({ id: view.id, query: relative ?? current })}
                    data-testid="view-overwrite"
                  >
                    Overwrite "{view.name}"
                  </Menu.Item>
                ))}
            </>
          )}
        </Menu.Dropdown>
      </Menu>
      <Suspense fallback={null}>
        {dialog?.kind === "save" && (
          <SaveViewDialog
            opened
            title="Save the current view"
            submitLabel="Save view"
            initial={saveInitial}
            pending={create.isPending}
            error={mutationError}
            onClose={closeDialog}
            relativeDays={relativeDayCount}
            onSubmit={({ name, shared, relative: keepRelative }) =>
              create.mutate({ page, name, shared, query: keepRelative && relative ? relative : current })
            }
          />
        )}
        {dialog?.kind === "rename" && (
          <SaveViewDialog
            opened
            title="Rename or share the view"
            submitLabel="Save"
            initial={renameInitial}
            pending={update.isPending}
            error={mutationError}
            onClose={closeDialog}
            onSubmit={({ name, shared }) => update.mutate({ id: dialog.view.id, name, shared })}
          />
        )}
      </Suspense>
      {dialog?.kind === "delete" && (
        <ConfirmDialog
          opened
          title={`Delete "${dialog.view.name}"?`}
          confirmLabel="Delete view"
          color="red"
          error={mutationError ? errorInfo(mutationError).message : null}
          onConfirm={() => remove.mutate({ id: dialog.view.id })}
          onCancel={closeDialog}
          pending={remove.isPending}
        >
          <Text size="sm">
            {dialog.view.shared ? "It is shared: it goes for everyone who uses it." : "Only you had this view."}
          </Text>
        </ConfirmDialog>
      )}
    </>
  );
}
