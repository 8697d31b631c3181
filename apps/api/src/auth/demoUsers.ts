import { type Db, users } from "@vbo/db";
import type { Role } from "@vbo/domain";
import { hashPassword } from "./password.ts";

export const demoPassword = "demo-password-1";

export const demoUsers: { email: string; name: string; role: Role }[] = [
  { email: "ops@demo.test", name: "Olivia Ops", role: "operations" },
  { email: "support@demo.test", name: "Sam Support", role: "support" },
  { email: "manager@demo.test", name: "Maya Manager", role: "manager" },
  { email: "admin@demo.test", name: "Adam Admin", role: "admin" },
];

/** Creates the demo staff of CONTRACT.md §3 when missing. Only called when the sandbox is the upstream. */
export async function ensureDemoUsers(db: Db): Promise<void> {
  let passwordHash: string | undefined;
  for (const demo of demoUsers) {
    if (await users.findByEmail(db, demo.email)) continue;
    passwordHash ??= await hashPassword(demoPassword);
    try {
      await users.create(db, { ...demo, passwordHash });
    } catch (err) {
      // Another replica created it at the same moment: fine.
      if (!(await users.findByEmail(db, demo.email))) throw err;
    }
  }
}
