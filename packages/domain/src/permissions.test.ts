import { describe, expect, it } from "vitest";
import { can, type Permission, permissions, type Role, roles } from "./permissions.ts";

// CONTRACT.md §3 written out row by row, independently of the data structure in permissions.ts.
const contract: Record<Permission, string> = {
  "authentications.read": "✓✓✓✓",
  "transactions.read": "✓✓✓✓",
  "analytics.read": "✓✓✓✓",
  "tokens.read": "-✓✓✓",
  "tokens.suspend": "-✓✓✓",
  "tokens.activate": "-✓✓✓",
  "tokens.update": "-✓-✓",
  "tokens.delete": "-✓-✓",
  "transactions.refund": "-✓✓✓",
  "transactions.capture": "-✓✓✓",
  "transactions.void": "-✓✓✓",
  "audit.read": "--✓✓",
  "users.manage": "---✓",
};

describe("role × permission matrix", () => {
  for (const permission of permissions) {
    for (const [i, role] of roles.entries()) {
      const allowed = [...contract[permission]][i] === "✓";
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(role as Role, permission)).toBe(allowed);
      });
    }
  }

  it("covers every permission of the contract", () => {
    expect([...permissions].sort()).toEqual(Object.keys(contract).sort());
  });
});
