import { TRPCError, type TRPCRouterRecord } from "@trpc/server";
import { ConflictError, type SavedView, savedViews } from "@vbo/db";
import { mayChangeView, mayDeleteView, mayOpenView } from "@vbo/domain";
import {
  viewsCreateInput,
  viewsDeleteInput,
  viewsListInput,
  viewsSetDefaultInput,
  viewsUpdateInput,
} from "@vbo/domain/inputs";
import type { Context, SessionUser } from "../context.ts";
import { signedInProcedure } from "../trpc.ts";

export { viewsCreateInput, viewsDeleteInput, viewsListInput, viewsSetDefaultInput, viewsUpdateInput };

/** CONTRACT.md §1 `View`. */
export type View = {
  id: string;
  page: string;
  name: string;
  query: string;
  shared: boolean;
  owner: { id: string; name: string };
  isDefault: boolean;
};

const shape = (view: SavedView, isDefault: boolean): View => ({
  id: view.id,
  page: view.page,
  name: view.name,
  query: view.query,
  shared: view.shared,
  owner: { id: view.ownerId, name: view.ownerName },
  isDefault,
});

function me(ctx: Context): SessionUser {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue" });
  return ctx.user;
}

/** The view, if this user may open it; someone else's private view does not exist for them. */
async function visibleView(ctx: Context, user: SessionUser, id: string): Promise<SavedView> {
  const view = await savedViews.get(ctx.db, id);
  if (!view || !mayOpenView(user, view))
    throw new TRPCError({ code: "NOT_FOUND", message: "No saved view with this id" });
  return view;
}

async function isDefaultFor(ctx: Context, user: SessionUser, view: SavedView): Promise<boolean> {
  const visible = await savedViews.listVisible(ctx.db, user.id, view.page);
  return visible.some((v) => v.id === view.id && v.isDefault);
}

function conflict(err: unknown): never {
  if (err instanceof ConflictError) throw new TRPCError({ code: "CONFLICT", message: capitalise(err.message) });
  throw err;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const viewTarget = (input: Record<string, unknown>) => input.id ?? (input.name ? `${input.page}: ${input.name}` : null);

export const viewsRouter = {
  list: signedInProcedure()
    .input(viewsListInput)
    .query(async ({ ctx, input }) => {
      const views = await savedViews.listVisible(ctx.db, me(ctx).id, input.page);
      return { items: views.map((view) => shape(view, view.isDefault)) };
    }),

  create: signedInProcedure({ target: viewTarget })
    .input(viewsCreateInput)
    .mutation(async ({ ctx, input }) => {
      const view = await savedViews.create(ctx.db, { ownerId: me(ctx).id, ...input }).catch(conflict);
      return shape(view, false);
    }),

  update: signedInProcedure({ target: viewTarget })
    .input(viewsUpdateInput)
    .mutation(async ({ ctx, input }) => {
      const user = me(ctx);
      const { id, ...changes } = input;
      const view = await visibleView(ctx, user, id);
      if (!mayChangeView(user, view)) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `Only ${view.ownerName}, who owns this view, can change it`,
        });
      }
      const changed = (await savedViews.update(ctx.db, id, user.id, changes).catch(conflict)) ?? view;
      return shape(changed, await isDefaultFor(ctx, user, changed));
    }),

  delete: signedInProcedure({ target: viewTarget })
    .input(viewsDeleteInput)
    .mutation(async ({ ctx, input }) => {
      const user = me(ctx);
      const view = await visibleView(ctx, user, input.id);
      if (!mayDeleteView(user, view)) {
        throw new TRPCError({
          code: "FORBIDDEN",
          message: `Only ${view.ownerName}, who owns this view, or an admin can delete it`,
        });
      }
      const gone =
        view.ownerId === user.id
          ? await savedViews.remove(ctx.db, view.id, user.id)
          : await savedViews.removeShared(ctx.db, view.id);
      if (!gone) throw new TRPCError({ code: "NOT_FOUND", message: "No saved view with this id" });
      return { ok: true as const };
    }),

  setDefault: signedInProcedure({ target: (input) => `${input.page}: ${input.id ?? "none"}` })
    .input(viewsSetDefaultInput)
    .mutation(async ({ ctx, input }) => {
      const user = me(ctx);
      if (input.id !== null) {
        const view = await visibleView(ctx, user, input.id);
        if (view.page !== input.page) {
          throw new TRPCError({
            code: "BAD_REQUEST",
            message: `This view belongs to the ${view.page} page, not ${input.page}`,
          });
        }
      }
      await savedViews.setDefault(ctx.db, user.id, input.page, input.id);
      return { ok: true as const };
    }),
} satisfies TRPCRouterRecord;
