import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { View } from "../src/router/views.ts";
import { type Client, type Stack, startStack } from "./harness.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

type AuditEvent = {
  action: string;
  actorEmail: string | null;
  target: string | null;
  outcome: string;
  error: string | null;
};

describe.each(testDatabaseKinds)("saved views on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  let ops: Client;
  let manager: Client;
  let admin: Client;

  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 20, databaseUrl: database.url });
    ops = await stack.signIn("ops@demo.test");
    manager = await stack.signIn("manager@demo.test");
    admin = await stack.signIn("admin@demo.test");
  });
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  const create = (client: Client, input: Record<string, unknown>) => client.mutate<View>("views.create", input);
  const list = async (client: Client, page: string) =>
    (await client.query<{ items: View[] }>("views.list", { page })).body.result?.data.items ?? [];
  const lastAudit = async (n: number) =>
    (
      (await manager.query<{ items: AuditEvent[] }>("audit.list", { limit: n })).body.result?.data.items ?? []
    ).reverse();

  it("creates a private view with the contract's shape, keeps the query as given", async () => {
    const answer = await create(ops, {
      page: "authentications",
      name: "  Frictionless VISA  ",
      query: "?f=card_brand~eq~VISA&period=last-7-days&limit=100",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.result?.data).toMatchObject({
      page: "authentications",
      name: "Frictionless VISA",
      query: "f=card_brand~eq~VISA&period=last-7-days&limit=100",
      shared: false,
      owner: { name: expect.any(String) },
      isDefault: false,
    });
    expect(answer.body.result?.data.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await list(ops, "authentications")).map((v) => v.name)).toContain("Frictionless VISA");
    expect(await list(manager, "authentications")).toEqual([]);
  });

  it("a duplicate name per owner and page is a CONFLICT; another page or owner is fine", async () => {
    await create(ops, { page: "transactions", name: "Refunds", query: "" });
    const again = await create(ops, { page: "transactions", name: "Refunds", query: "sort=amount" });
    expect(again.status).toBe(409);
    expect(again.body.error?.data.code).toBe("CONFLICT");
    expect(again.body.error?.message).toMatch(/already have a view named "Refunds"/);
    expect((await create(ops, { page: "audit", name: "Refunds", query: "" })).status).toBe(200);
    expect((await create(manager, { page: "transactions", name: "Refunds", query: "" })).status).toBe(200);
  });

  it("bad input names the field", async () => {
    const blank = await create(ops, { page: "authentications", name: "  ", query: "" });
    expect(blank.status).toBe(400);
    expect(blank.body.error?.data.problems).toEqual([{ path: ["name"], message: "Give the view a name" }]);
    const page = await create(ops, { page: "tokens", name: "x", query: "" });
    expect(page.body.error?.data.problems?.[0]?.path).toEqual(["page"]);
  });

  it("shared views are seen by colleagues; only the owner changes them; an admin may delete a shared one", async () => {
    const made = (await create(ops, { page: "audit", name: "Team view", query: "outcome=refused", shared: true })).body
      .result?.data as View;
    const seen = await list(manager, "audit");
    expect(seen.find((v) => v.id === made.id)).toMatchObject({ name: "Team view", shared: true, isDefault: false });

    const hijack = await manager.mutate("views.update", { id: made.id, name: "Mine now" });
    expect(hijack.status).toBe(403);
    expect(hijack.body.error?.message).toMatch(/who owns this view/);
    expect((await manager.mutate("views.delete", { id: made.id })).status).toBe(403);

    const renamed = await ops.mutate<View>("views.update", { id: made.id, name: "Refused", query: "outcome=failure" });
    expect(renamed.body.result?.data).toMatchObject({ name: "Refused", query: "outcome=failure", shared: true });

    expect((await admin.mutate("views.update", { id: made.id, shared: false })).status).toBe(403);
    expect((await admin.mutate("views.delete", { id: made.id })).body.result?.data).toEqual({ ok: true });
    expect((await list(ops, "audit")).some((v) => v.id === made.id)).toBe(false);
  });

  it("a private view is invisible to others, also to an admin", async () => {
    const made = (await create(ops, { page: "transactions", name: "Private", query: "" })).body.result?.data as View;
    expect((await admin.mutate("views.delete", { id: made.id })).status).toBe(404);
    expect((await manager.mutate("views.setDefault", { page: "transactions", id: made.id })).status).toBe(404);
    expect((await ops.mutate("views.delete", { id: made.id })).body.result?.data).toEqual({ ok: true });
    expect((await ops.mutate("views.delete", { id: made.id })).status).toBe(404);
  });

  it("one default per user and page, the user's own choice, also of a colleague's shared view", async () => {
    const a = (await create(ops, { page: "analytics", name: "A", query: "period=last-30-days" })).body.result
      ?.data as View;
    const b = (await create(ops, { page: "analytics", name: "B", query: "by=card_brand", shared: true })).body.result
      ?.data as View;
    await ops.mutate("views.setDefault", { page: "analytics", id: a.id });
    await ops.mutate("views.setDefault", { page: "analytics", id: b.id });
    expect((await list(ops, "analytics")).filter((v) => v.isDefault).map((v) => v.name)).toEqual(["B"]);
    expect((await manager.mutate("views.setDefault", { page: "analytics", id: b.id })).status).toBe(200);
    expect((await list(manager, "analytics")).find((v) => v.id === b.id)?.isDefault).toBe(true);
    await ops.mutate("views.setDefault", { page: "analytics", id: null });
    expect((await list(ops, "analytics")).some((v) => v.isDefault)).toBe(false);
    expect((await list(manager, "analytics")).find((v) => v.id === b.id)?.isDefault).toBe(true);

    const wrongPage = await ops.mutate("views.setDefault", { page: "audit", id: a.id });
    expect(wrongPage.status).toBe(400);
    expect(wrongPage.body.error?.message).toMatch(/belongs to the analytics page/);
  });

  it("views survive signing out and in again", async () => {
    const first = await stack.signIn("ops@demo.test");
    const made = (await create(first, { page: "authentications", name: "Kept", query: "limit=250" })).body.result
      ?.data as View;
    expect((await first.mutate("auth.logout")).status).toBe(200);
    expect((await first.query("views.list", { page: "authentications" })).status).toBe(401);
    const again = await stack.signIn("ops@demo.test");
    expect((await list(again, "authentications")).find((v) => v.id === made.id)?.query).toBe("limit=250");
  });

  it("needs a session", async () => {
    expect((await stack.anonymous().query("views.list", { page: "audit" })).status).toBe(401);
  });

  it("every mutation writes one audit event, refused ones too", async () => {
    const made = (await create(ops, { page: "audit", name: "Audited", query: "" })).body.result?.data as View;
    await ops.mutate("views.update", { id: made.id, shared: true });
    await manager.mutate("views.delete", { id: made.id });
    await ops.mutate("views.setDefault", { page: "audit", id: made.id });
    await ops.mutate("views.delete", { id: made.id });
    const events = await lastAudit(5);
    expect(events.map((e) => [e.action, e.actorEmail, e.outcome])).toEqual([
      ["views.create", "ops@demo.test", "success"],
      ["views.update", "ops@demo.test", "success"],
      ["views.delete", "manager@demo.test", "refused"],
      ["views.setDefault", "ops@demo.test", "success"],
      ["views.delete", "ops@demo.test", "success"],
    ]);
    expect(events[0]?.target).toBe("audit: Audited");
    expect(events[2]?.target).toBe(made.id);
    expect(events[2]?.error).toMatch(/^FORBIDDEN/);
  });
});
