import { expect, it } from "vitest";
import { ConflictError } from "../src/errors.ts";
import { migrate } from "../src/migrations/index.ts";
import * as sessions from "../src/sessions.ts";
import * as users from "../src/users.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser, unique } from "./fixtures.ts";

describeEachDriver("users", ({ db, fresh }) => {
  it("creates a user and finds it by id and by email, case-insensitively", async () => {
    const email = `${unique("Mixed.Case")}@Example.TEST`;
    const created = await users.create(db(), { email, name: "Ada", role: "manager", passwordHash: "hash-1" });
    expect(created).toMatchObject({ email: email.toLowerCase(), name: "Ada", role: "manager", disabledAt: null });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await users.findById(db(), created.id)).toEqual(created);
    expect(await users.findByEmail(db(), ` ${email.toUpperCase()} `)).toEqual(created);
  });

  it("never returns the password hash except from findCredentialsByEmail", async () => {
    const user = await newUser(db());
    for (const found of [user, await users.findById(db(), user.id), await users.findByEmail(db(), user.email)]) {
      expect(JSON.stringify(found)).not.toContain("argon2id");
    }
    expect(JSON.stringify(await users.list(db()))).not.toContain("argon2id");
    expect(await users.findCredentialsByEmail(db(), user.email)).toEqual({
      user,
      passwordHash: "$argon2id$not-a-real-hash",
    });
    expect(await users.findCredentialsByEmail(db(), "nobody@example.test")).toBeNull();
  });

  it("refuses a second user with the same email, whatever its case", async () => {
    const user = await newUser(db());
    const again = users.create(db(), { email: user.email.toUpperCase(), name: "B", role: "admin", passwordHash: "h" });
    await expect(again).rejects.toBeInstanceOf(ConflictError);
    await expect(again).rejects.toMatchObject({ field: "email", message: expect.stringContaining(user.email) });
  });

  it("refuses a role outside the four", async () => {
    const bad = users.create(db(), {
      email: `${unique("x")}@example.test`,
      name: "X",
      role: "owner" as users.StaffRole,
      passwordHash: "h",
    });
    await expect(bad).rejects.toThrow(/staff_user_role_check/);
  });

  it("answers null for unknown or malformed ids", async () => {
    expect(await users.findById(db(), "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await users.findById(db(), "not-a-uuid")).toBeNull();
    expect(await users.setRole(db(), "not-a-uuid", "admin")).toBeNull();
    expect(await users.disable(db(), "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("lists users by email and counts them", async () => {
    const database = await (await fresh()).open();
    await migrate(database);
    expect(await users.countUsers(database)).toBe(0);
    await newUser(database, "admin", "b@example.test");
    await newUser(database, "operations", "a@example.test");
    expect((await users.list(database)).map((user) => user.email)).toEqual(["a@example.test", "b@example.test"]);
    expect(await users.countUsers(database)).toBe(2);
  });

  it("changes a role", async () => {
    const user = await newUser(db(), "operations");
    const updated = await users.setRole(db(), user.id, "admin");
    expect(updated?.role).toBe("admin");
    expect((await users.findById(db(), user.id))?.role).toBe("admin");
  });

  it("disabling a user revokes all their sessions, and only theirs", async () => {
    const user = await newUser(db());
    const other = await newUser(db());
    const ttl = { ip: "203.0.113.9", userAgent: "test", absoluteTtlMs: 12 * 3600_000 };
    const a = await sessions.create(db(), user.id, ttl);
    const b = await sessions.create(db(), user.id, ttl);
    const c = await sessions.create(db(), other.id, ttl);
    const disabled = await users.disable(db(), user.id);
    expect(disabled?.disabledAt).toBeInstanceOf(Date);
    const { rows } = await db().query<{ id: string; revoked: boolean }>(
      "SELECT id, revoked_at IS NOT NULL AS revoked FROM session WHERE id = ANY($1::text[]) ORDER BY id",
      [[a.session.id, b.session.id, c.session.id]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.id, row.revoked]))).toEqual({
      [a.session.id]: true,
      [b.session.id]: true,
      [c.session.id]: false,
    });
    expect(await sessions.validate(db(), a.token, { idleMs: 60_000 })).toBeNull();
    expect(await sessions.validate(db(), c.token, { idleMs: 60_000 })).not.toBeNull();
  });
});
