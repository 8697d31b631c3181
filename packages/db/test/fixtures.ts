import { randomUUID } from "node:crypto";
import type { Queryable } from "../src/driver.ts";
import { create, type StaffRole, type StaffUser } from "../src/users.ts";

/** A staff user with a unique email, so tests sharing a database never collide. */
export function newUser(db: Queryable, role: StaffRole = "support", email?: string): Promise<StaffUser> {
  return create(db, {
    email: email ?? `user-${randomUUID()}@example.test`,
    name: "Test User",
    role,
    passwordHash: "$argon2id$not-a-real-hash",
  });
}

/** A value unique to one test, for filtering shared tables (the audit trail cannot be emptied between tests). */
export function unique(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}
