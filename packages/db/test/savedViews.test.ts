import { expect, it } from "vitest";
import { ConflictError } from "../src/errors.ts";
import * as savedViews from "../src/savedViews.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

const query = "f=amount.gte.1000&sort=-created_at&period=last-7-days";

describeEachDriver("saved views", ({ db }) => {
  it("creates views and lists the owner's views of one page by name", async () => {
    const owner = await newUser(db());
    const other = await newUser(db());
    const big = await savedViews.create(db(), { ownerId: owner.id, page: "authentications", name: "Big", query });
    await savedViews.create(db(), { ownerId: owner.id, page: "authentications", name: "All", query: "" });
    await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Big", query });
    await savedViews.create(db(), { ownerId: other.id, page: "authentications", name: "Theirs", query });
    expect(big).toMatchObject({
      ownerId: owner.id,
      ownerName: "Test User",
      page: "authentications",
      name: "Big",
      query,
    });
    expect(big.shared).toBe(false);
    const listed = await savedViews.list(db(), owner.id, "authentications");
    expect(listed.map((view) => view.name)).toEqual(["All", "Big"]);
    expect(listed[1]).toEqual(big);
  });

  it("refuses a second view with the same name on the same page, also by renaming", async () => {
    const owner = await newUser(db());
    await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Mine", query });
    const again = savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Mine", query: "" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ field: "name" });
    const other = await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Other", query });
    await expect(savedViews.update(db(), other.id, owner.id, { name: "Mine" })).rejects.toBeInstanceOf(ConflictError);
    expect((await savedViews.get(db(), other.id))?.name).toBe("Other");
  });

  it("lists own and shared views with the viewer's default marked", async () => {
    const owner = await newUser(db());
    const colleague = await newUser(db());
    const mine = await savedViews.create(db(), { ownerId: owner.id, page: "audit", name: "Private", query });
    const open = await savedViews.create(db(), {
      ownerId: owner.id,
      page: "audit",
      name: "Team",
      query,
      shared: true,
    });
    expect((await savedViews.listVisible(db(), colleague.id, "audit")).map((v) => v.name)).toEqual(["Team"]);
    await savedViews.setDefault(db(), colleague.id, "audit", open.id);
    await savedViews.setDefault(db(), owner.id, "audit", mine.id);
    const seen = await savedViews.listVisible(db(), colleague.id, "audit");
    expect(seen.map((v) => [v.name, v.isDefault])).toEqual([["Team", true]]);
    const own = await savedViews.listVisible(db(), owner.id, "audit");
    expect(own.map((v) => [v.name, v.isDefault])).toEqual([
      ["Private", true],
      ["Team", false],
    ]);
    // One default per user and page: picking another replaces it.
    await savedViews.setDefault(db(), owner.id, "audit", open.id);
    expect(
      (await savedViews.listVisible(db(), owner.id, "audit")).filter((v) => v.isDefault).map((v) => v.name),
    ).toEqual(["Team"]);
    await savedViews.setDefault(db(), owner.id, "audit", null);
    expect((await savedViews.listVisible(db(), owner.id, "audit")).some((v) => v.isDefault)).toBe(false);
  });

  it("updates only the owner's view; un-sharing drops it as colleagues' default", async () => {
    const owner = await newUser(db());
    const colleague = await newUser(db());
    const view = await savedViews.create(db(), {
      ownerId: owner.id,
      page: "transactions",
      name: "T",
      query,
      shared: true,
    });
    await savedViews.setDefault(db(), colleague.id, "transactions", view.id);
    expect(await savedViews.update(db(), view.id, colleague.id, { name: "Hijacked" })).toBeNull();
    const changed = await savedViews.update(db(), view.id, owner.id, { query: "sort=amount", shared: false });
    expect(changed).toMatchObject({ name: "T", query: "sort=amount", shared: false });
    expect(await savedViews.listVisible(db(), colleague.id, "transactions")).toEqual([]);
    await savedViews.update(db(), view.id, owner.id, { shared: true });
    expect((await savedViews.listVisible(db(), colleague.id, "transactions"))[0]?.isDefault).toBe(false);
  });

  it("deletes only the owner's own view, or any shared one for clean-up", async () => {
    const owner = await newUser(db());
    const intruder = await newUser(db());
    const view = await savedViews.create(db(), { ownerId: owner.id, page: "transactions", name: "Gone", query });
    expect(await savedViews.remove(db(), view.id, intruder.id)).toBe(false);
    expect(await savedViews.removeShared(db(), view.id)).toBe(false);
    expect(await savedViews.list(db(), owner.id, "transactions")).toHaveLength(1);
    expect(await savedViews.remove(db(), view.id, owner.id)).toBe(true);
    expect(await savedViews.list(db(), owner.id, "transactions")).toEqual([]);
    expect(await savedViews.remove(db(), "not-a-uuid", owner.id)).toBe(false);
    const shared = await savedViews.create(db(), { ownerId: owner.id, page: "audit", name: "S", query, shared: true });
    await savedViews.setDefault(db(), intruder.id, "audit", shared.id);
    expect(await savedViews.removeShared(db(), shared.id)).toBe(true);
    expect(await savedViews.get(db(), shared.id)).toBeNull();
  });
});
