import { expect, it } from "vitest";
import { ConflictError } from "../src/errors.ts";
import * as oidcSignIns from "../src/oidcSignIns.ts";
import * as users from "../src/users.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

const t0 = new Date("2030-07-01T09:00:00.000Z");
const later = (ms: number) => new Date(t0.getTime() + ms);
const issuer = "https://idp.example.com";

describeEachDriver("single sign-on", ({ db }) => {
  it("creates a password-less user linked to the identity-provider account and finds them by it", async () => {
    const created = await users.createFromSso(db(), {
      email: " Nia@Example.com",
      name: "Nia",
      role: "support",
      identity: { issuer, subject: "sub-nia" },
    });
    expect(created).toMatchObject({ email: "nia@example.com", role: "support", disabledAt: null });
    expect((await users.findByOidcIdentity(db(), { issuer, subject: "sub-nia" }))?.id).toBe(created.id);
    expect(await users.findByOidcIdentity(db(), { issuer: "https://other.example", subject: "sub-nia" })).toBeNull();
    expect(await users.oidcIdentityOf(db(), created.id)).toEqual({ issuer, subject: "sub-nia" });
    const credentials = await users.findCredentialsByEmail(db(), "nia@example.com");
    expect(credentials?.passwordHash).toBeNull();
    const twice = users.createFromSso(db(), {
      email: "nia2@example.com",
      name: "Nia",
      role: "support",
      identity: { issuer, subject: "sub-nia" },
    });
    await expect(twice).rejects.toBeInstanceOf(ConflictError);
  });

  it("links an existing password user once, never over another link", async () => {
    const user = await newUser(db());
    expect(await users.oidcIdentityOf(db(), user.id)).toBeNull();
    const linked = await users.linkOidcIdentity(db(), user.id, { issuer, subject: "sub-first" });
    expect(linked?.id).toBe(user.id);
    expect(await users.linkOidcIdentity(db(), user.id, { issuer, subject: "sub-second" })).toBeNull();
    expect(await users.oidcIdentityOf(db(), user.id)).toEqual({ issuer, subject: "sub-first" });
    expect(await users.linkOidcIdentity(db(), "not-a-uuid", { issuer, subject: "x" })).toBeNull();
  });

  it("a sign-in's state is taken once, and not after it expired; expired ones are purged", async () => {
    const signIn = {
      state: `state-${Math.random()}`,
      browserHash: "b".repeat(64),
      codeVerifier: "verifier",
      nonce: "nonce",
      returnTo: "/transactions",
      expiresAt: later(600_000),
    };
    await oidcSignIns.begin(db(), signIn);
    expect(await oidcSignIns.take(db(), signIn.state, later(1_000))).toEqual(signIn);
    expect(await oidcSignIns.take(db(), signIn.state, later(2_000))).toBeNull();

    const stale = { ...signIn, state: `stale-${Math.random()}`, expiresAt: later(1_000) };
    await oidcSignIns.begin(db(), stale);
    expect(await oidcSignIns.take(db(), stale.state, later(1_000))).toBeNull();
    const old = { ...signIn, state: `old-${Math.random()}`, expiresAt: later(1_000) };
    await oidcSignIns.begin(db(), old);
    expect(await oidcSignIns.purge(db(), later(2_000))).toBeGreaterThanOrEqual(1);
    expect(await oidcSignIns.take(db(), old.state, t0)).toBeNull();
  });
});
