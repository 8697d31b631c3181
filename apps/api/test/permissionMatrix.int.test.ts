import { TRPCError } from "@trpc/server";
import { type Db, migrate, openDb } from "@vbo/db";
import { can, type Permission, type Role, roles } from "@vbo/domain";
import { createVerifoneClient } from "@vbo/verifone";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SessionCache } from "../src/auth/sessionCache.ts";
import { CoalescingCache } from "../src/coalescingCache.ts";
import type { Context } from "../src/context.ts";
import { appRouter } from "../src/router/index.ts";
import { createCallerFactory, type Meta } from "../src/trpc.ts";

// Every procedure of the router, and the permission CONTRACT.md says it needs. A procedure missing here fails.
const expected: Record<string, Permission | "public" | "signed-in"> = {
  "auth.login": "public",
  "auth.mfa.verify": "signed-in",
  "account.totp.begin": "signed-in",
  "account.totp.confirm": "signed-in",
  "account.totp.disable": "signed-in",
  "account.totp.status": "signed-in",
  "account.changePassword": "signed-in",
  "account.passkeys.list": "signed-in",
  "account.passkeys.registerOptions": "signed-in",
  "account.passkeys.register": "signed-in",
  "account.passkeys.remove": "signed-in",
  "auth.passkey.options": "public",
  "auth.passkey.login": "public",
  "auth.mfa.passkeyOptions": "signed-in",
  "account.sessions": "signed-in",
  "account.revokeOtherSessions": "signed-in",
  "account.preferences": "signed-in",
  "account.setTimeZone": "signed-in",
  "users.enable": "users.manage",
  "users.resetPassword": "users.manage",
  "users.resetMfa": "users.manage",
  "users.revokeSessions": "users.manage",
  "users.sessions": "users.manage",
  "auth.logout": "public",
  "auth.me": "public",
  "auth.methods": "public",
  "analytics.authentications": "analytics.read",
  "analytics.payments": "analytics.read",
  "analytics.status": "analytics.read",
  "authentications.list": "authentications.read",
  "authentications.count": "authentications.read",
  "authentications.summary": "authentications.read",
  "authentications.get": "authentications.read",
  "audit.list": "audit.read",
  "tokens.get": "tokens.read",
  "tokens.suspend": "tokens.suspend",
  "tokens.activate": "tokens.activate",
  "tokens.update": "tokens.update",
  "tokens.delete": "tokens.delete",
  "transactions.list": "transactions.read",
  "transactions.count": "transactions.read",
  "transactions.get": "transactions.read",
  "transactions.refund": "transactions.refund",
  "transactions.capture": "transactions.capture",
  "transactions.void": "transactions.void",
  "users.list": "users.manage",
  "users.create": "users.manage",
  "users.setRole": "users.manage",
  "users.disable": "users.manage",
  "search.find": "signed-in",
  "views.list": "signed-in",
  "views.create": "signed-in",
  "views.update": "signed-in",
  "views.delete": "signed-in",
  "views.setDefault": "signed-in",
};

const procedures = Object.entries(
  appRouter._def.procedures as unknown as Record<string, { _def: { meta?: Meta; type: string } }>,
);

let db: Db;
beforeAll(async () => {
  db = await openDb({ memory: true });
  await migrate(db);
  // The caller exists, as a signed-in user does (account.* procedures write rows that reference it).
  await db.query(
    "INSERT INTO staff_user (id, email, name, role, password_hash) VALUES ($1, 'matrix@matrix.test', 'Matrix', 'admin', 'x')",
    ["00000000-0000-4000-8000-000000000001"],
  );
});
afterAll(() => db?.close());

function contextFor(role: Role | null): Context {
  const log = pino({ level: "silent" });
  return {
    // An upstream nobody listens on: allowed calls fail at Verifone, which is not what this test looks at.
    verifone: createVerifoneClient({
      baseUrl: "http://127.0.0.1:9",
      userId: "u",
      apiKey: "k",
      retries: 0,
      timeoutMs: 200,
    }),
    upstream: "sandbox",
    db,
    log,
    counts: new CoalescingCache<number>(1),
    sessions: new SessionCache(),
    requestId: "matrix-test",
    ip: "127.0.0.1",
    userAgent: null,
    secure: false,
    sessionToken: null,
    user: role ? { id: "00000000-0000-4000-8000-000000000001", email: `${role}@matrix.test`, name: role, role } : null,
    session: role
      ? {
          id: "matrix-session",
          user: { id: "00000000-0000-4000-8000-000000000001", email: `${role}@matrix.test`, name: role, role },
          restriction: null,
        }
      : null,
    setCookie: () => {},
    auditNote: {},
  };
}

async function callAs(role: Role | null, path: string, type: string): Promise<string> {
  const caller = createCallerFactory(appRouter)(contextFor(role));
  const fn = path.split(".").reduce<unknown>((obj, key) => (obj as Record<string, unknown>)[key], caller) as (
    input?: unknown,
  ) => Promise<unknown>;
  try {
    await fn(type === "mutation" ? { bogus: true } : undefined);
    return "OK";
  } catch (err) {
    return err instanceof TRPCError ? err.code : "THREW";
  }
}

describe("every procedure declares a permission", () => {
  it("the router has exactly the procedures listed here", () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [path, procedure] of procedures) {
    it(`${path} requires ${expected[path] ?? "(missing from this test)"}`, () => {
      expect(procedure._def.meta?.permission).toBe(expected[path]);
    });
  }
});

describe("role × procedure", () => {
  for (const [path, procedure] of procedures) {
    const permission = expected[path];
    if (!permission || permission === "public") continue;

    it(`${path}: no session → UNAUTHORIZED`, async () => {
      expect(await callAs(null, path, procedure._def.type)).toBe("UNAUTHORIZED");
    });

    for (const role of roles) {
      const allowed = permission === "signed-in" || can(role, permission);
      it(`${path}: ${role} ${allowed ? "passes the gate" : "→ FORBIDDEN"}`, async () => {
        const outcome = await callAs(role, path, procedure._def.type);
        if (allowed)
          expect(["OK", "BAD_REQUEST", "BAD_GATEWAY", "GATEWAY_TIMEOUT", "NOT_FOUND", "PRECONDITION_FAILED"]).toContain(
            outcome,
          );
        else expect(outcome).toBe("FORBIDDEN");
      });
    }
  }
});
