import { expect, it } from "vitest";
import * as sessions from "../src/sessions.ts";
import * as totp from "../src/totp.ts";
import * as trustedDevices from "../src/trustedDevices.ts";
import * as users from "../src/users.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

const hour = 60 * 60_000;
const t0 = new Date("2030-07-01T09:00:00.000Z");

describeEachDriver("identity", ({ db }) => {
  it("a temporary password must be changed; a normal one clears the mark", async () => {
    const user = await newUser(db());
    expect(user.mustChangePassword).toBe(false);
    const reset = await users.setPassword(db(), user.id, "$argon2id$temporary", { mustChange: true });
    expect(reset?.mustChangePassword).toBe(true);
    expect(await users.passwordHashOf(db(), user.id)).toBe("$argon2id$temporary");
    const changed = await users.setPassword(db(), user.id, "$argon2id$chosen", { mustChange: false });
    expect(changed?.mustChangePassword).toBe(false);
    expect(await users.setPassword(db(), "not-a-uuid", "x", { mustChange: false })).toBeNull();
  });

  it("re-enables a disabled user and records the last sign-in", async () => {
    const user = await newUser(db());
    await users.disable(db(), user.id);
    expect((await users.enable(db(), user.id))?.disabledAt).toBeNull();
    await users.recordSignIn(db(), user.id, t0);
    expect((await users.findById(db(), user.id))?.lastSignInAt).toEqual(t0);
  });

  it("lists a user's open sessions and ends all but one", async () => {
    const user = await newUser(db());
    const options = { ip: "198.51.100.7", userAgent: "Firefox", absoluteTtlMs: 12 * hour };
    const kept = await sessions.create(db(), user.id, options);
    const other = await sessions.create(db(), user.id, { ...options, userAgent: "Chrome" });
    const open = await sessions.listOpen(db(), user.id, { idleMs: hour });
    expect(open.map((s) => s.userAgent).sort()).toEqual(["Chrome", "Firefox"]);
    expect(open[0]?.ip).toBe("198.51.100.7");
    expect(await sessions.revokeOthers(db(), user.id, kept.session.id)).toBe(1);
    expect(await sessions.validate(db(), other.token, { idleMs: hour })).toBeNull();
    expect(await sessions.validate(db(), kept.token, { idleMs: hour })).not.toBeNull();
  });

  it("a restricted session says what it is still good for until it moves on", async () => {
    const user = await newUser(db());
    const { token, session } = await sessions.create(db(), user.id, {
      ip: null,
      userAgent: null,
      absoluteTtlMs: hour,
      restriction: "mfa",
    });
    expect((await sessions.validate(db(), token, { idleMs: hour }))?.session.restriction).toBe("mfa");
    await sessions.setRestriction(db(), session.id, null);
    expect((await sessions.validate(db(), token, { idleMs: hour }))?.session.restriction).toBeNull();
  });

  it("trusts a device for one user until it expires or the user's devices are forgotten", async () => {
    const user = await newUser(db());
    const stranger = await newUser(db());
    const token = await trustedDevices.create(db(), user.id, hour, t0);
    expect(await trustedDevices.isTrusted(db(), user.id, token, t0)).toBe(true);
    expect(await trustedDevices.isTrusted(db(), stranger.id, token, t0)).toBe(false);
    expect(await trustedDevices.isTrusted(db(), user.id, token, new Date(t0.getTime() + 2 * hour))).toBe(false);
    expect(await trustedDevices.purge(db(), new Date(t0.getTime() + 2 * hour))).toBeGreaterThanOrEqual(1);
    const again = await trustedDevices.create(db(), user.id, hour);
    await trustedDevices.forgetUser(db(), user.id);
    expect(await trustedDevices.isTrusted(db(), user.id, again)).toBe(false);
  });

  it("a TOTP factor is confirmed once; a time step is accepted once; recovery codes are single-use", async () => {
    const user = await newUser(db());
    await totp.begin(db(), user.id, "encrypted-secret-1");
    await totp.begin(db(), user.id, "encrypted-secret-2");
    expect(await totp.find(db(), user.id)).toMatchObject({ secret: "encrypted-secret-2", confirmed: false });
    expect(await totp.confirm(db(), user.id, ["aaaa-bbbb-cccc", "dddd-eeee-ffff"])).toBe(true);
    expect(await totp.confirm(db(), user.id, ["x"])).toBe(false);
    // a confirmed factor is not replaced by a new enrolment
    await totp.begin(db(), user.id, "encrypted-secret-3");
    expect(await totp.find(db(), user.id)).toMatchObject({ secret: "encrypted-secret-2", confirmed: true });

    expect(await totp.useStep(db(), user.id, 100)).toBe(true);
    expect(await totp.useStep(db(), user.id, 100)).toBe(false);
    expect(await totp.useStep(db(), user.id, 99)).toBe(false);
    expect(await totp.useStep(db(), user.id, 101)).toBe(true);

    expect(await totp.remainingRecoveryCodes(db(), user.id)).toBe(2);
    expect(await totp.useRecoveryCode(db(), user.id, "AAAA BBBB CCCC")).toBe(true);
    expect(await totp.useRecoveryCode(db(), user.id, "aaaa-bbbb-cccc")).toBe(false);
    expect(await totp.useRecoveryCode(db(), user.id, "not-a-code")).toBe(false);
    expect(await totp.remainingRecoveryCodes(db(), user.id)).toBe(1);

    expect(await totp.remove(db(), user.id)).toBe(true);
    expect(await totp.find(db(), user.id)).toBeNull();
    expect(await totp.useRecoveryCode(db(), user.id, "dddd-eeee-ffff")).toBe(false);
  });
});
