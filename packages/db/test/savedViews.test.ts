import { expect, it } from "vitest";
import { ConflictError } from "../src/errors.ts";
import * as savedViews from "../src/savedViews.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

const query = { filters: [{ field: "amount", op: "gte", value: 1000 }], sort: [{ field: "created_at", desc: true }] };

describeEachDriver("saved views", ({ db }) => {
  it("creates views and lists the owner's views of one page by name", async () => {
    const owner = await newUser(db());
    const other = await newUser(db());
    const big = await savedViews.create(db(), { ownerId: owner.id, page: "authentications", name: "Big", query });
    await savedViews.create(db(), { ownerId: owner.id, page: "authentications", name: "All", query: {} });
    await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Big", query });
    await savedViews.create(db(), { ownerId: other.id, page: "authentications", name: "Theirs", query });
    expect(big).toMatchObject({ ownerId: owner.id, page: "authentications", name: "Big", query });
    const listed = await savedViews.list(db(), owner.id, "authentications");
    expect(listed.map((view) => view.name)).toEqual(["All", "Big"]);
    expect(listed[1]).toEqual(big);
  });

  it("refuses a second view with the same name on the same page", async () => {
    const owner = await newUser(db());
    await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Mine", query });
    const again = savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Mine", query: {} });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ field: "name" });
  });

  it("deletes only the owner's own view", async () => {
    const owner = await newUser(db());
    const intruder = await newUser(db());
    const view = await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Gone", query });
    expect(await savedViews.remove(db(), view.id, intruder.id)).toBe(false);
    expect(await savedViews.list(db(), owner.id, "transactions")).toHaveLength(1);
    expect(await savedViews.remove(db(), view.id, owner.id)).toBe(true);
    expect(await savedViews.list(db(), owner.id, "transactions")).toEqual([]);
    expect(await savedViews.remove(db(), "not-a-uuid", owner.id)).toBe(false);
  });
});
