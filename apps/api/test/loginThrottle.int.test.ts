import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleLimits } from "../src/auth/loginThrottle.ts";
import { demoPassword, type Stack, startStack } from "./harness.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

// Each "client address" is a different X-Forwarded-For (the API trusts its loopback proxy, as behind a load balancer).
describe.each(testDatabaseKinds)("sign-in throttling without lock-out on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  let admin: Awaited<ReturnType<Stack["signIn"]>>;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 20, databaseUrl: database.url });
    admin = await stack.signIn("admin@demo.test");
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  let next = 0;
  const newAddress = () => `203.0.113.${++next}`;

  async function login(email: string, password: string, ip: string, cookie?: string) {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      origin: stack.api.url,
      "x-forwarded-for": ip,
    };
    if (cookie) headers.cookie = cookie;
    const res = await fetch(`${stack.api.url}/trpc/auth.login`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password }),
    });
    const body = (await res.json()) as { error?: { message: string } };
    return { status: res.status, message: body.error?.message ?? "", setCookies: res.headers.getSetCookie() };
  }

  async function newStaff(role = "operations") {
    const email = `throttle-${crypto.randomUUID()}@demo.test`;
    const created = await admin.mutate("users.create", { email, name: "Throttle Test", role, password: demoPassword });
    expect(created.status).toBe(200);
    return email;
  }

  it("of 100 concurrent wrong guesses for one account from one address, exactly 5 are evaluated", async () => {
    const email = await newStaff();
    const ip = newAddress();
    const answers = await Promise.all(Array.from({ length: 100 }, () => login(email, "wrong-password-x", ip)));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(throttleLimits.pair.max);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(100 - throttleLimits.pair.max);
    // and the right password from that address is refused too until the window passes
    expect((await login(email, demoPassword, ip)).status).toBe(429);
  });

  it("the owner with the right password from a new address is let in after someone else's guesses", async () => {
    const email = await newStaff();
    const attacker = newAddress();
    for (let i = 0; i < 8; i++) await login(email, "wrong-password-x", attacker);
    expect((await login(email, "wrong-password-x", attacker)).status).toBe(429);
    expect((await login(email, demoPassword, newAddress())).status).toBe(200);
  });

  it("a distributed guesser meets a growing per-account delay, never a lock; the owner's browser passes", async () => {
    const email = await newStaff();
    // The owner signed in before from this browser: it holds the trusted-device cookie.
    const first = await login(email, demoPassword, newAddress());
    const device = first.setCookies.find((c) => c.startsWith("vbo_device="))?.split(";")[0];
    expect(device).toBeDefined();

    const free = throttleLimits.account.freeAttempts;
    for (let i = 0; i < free; i++) expect((await login(email, "wrong-password-x", newAddress())).status).toBe(401);
    const delayed = await login(email, "wrong-password-x", newAddress());
    expect(delayed.status).toBe(429);
    expect(delayed.message).toMatch(/Try again in 1 s/);
    // a new browser with the right password waits the same short delay (a delay, not a lock) …
    expect((await login(email, demoPassword, newAddress())).status).toBe(429);
    // … while the owner's own browser, from yet another address, is not held back at all
    expect((await login(email, demoPassword, newAddress(), device)).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await login(email, "wrong-password-x", newAddress())).status).toBe(401);
    const longer = await login(email, "wrong-password-x", newAddress());
    expect(longer.message).toMatch(/Try again in 2 s/);
  });

  it("one address guessing across many accounts is stopped at the per-address limit", async () => {
    const ip = newAddress();
    const answers: number[] = [];
    for (let i = 0; i < throttleLimits.ip.max + 1; i++) {
      answers.push((await login(`nobody-${i}-${crypto.randomUUID()}@demo.test`, "wrong-password-x", ip)).status);
    }
    expect(answers.slice(0, throttleLimits.ip.max).every((s) => s === 401)).toBe(true);
    expect(answers.at(-1)).toBe(429);
  }, 60_000);
});
