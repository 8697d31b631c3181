import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { throttleLimits } from "../src/auth/loginThrottle.ts";
import { type Client, demoPassword, type Stack, startStack } from "./harness.ts";
import { softAuthenticator } from "./softAuthenticator.ts";
import { freshDatabase, type TestDatabase, testDatabaseKinds } from "./testDatabases.ts";

type User = { id: string; email: string };
type SignIn = { user?: User; next?: string | null; mfa?: { methods: string[] } };

describe.each(testDatabaseKinds)("passkeys on %s", (kind) => {
  let stack: Stack;
  let database: TestDatabase;
  let admin: Client;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    stack = await startStack({ authentications: 20, databaseUrl: database.url });
    admin = await stack.signIn("admin@demo.test");
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await database?.drop();
  });

  async function newStaff() {
    const email = `passkey-${crypto.randomUUID()}@demo.test`;
    const created = await admin.mutate<User>("users.create", {
      email,
      name: "Pat Passkey",
      role: "support",
      password: demoPassword,
    });
    return created.body.result?.data as User;
  }

  async function register(client: Client, device: ReturnType<typeof softAuthenticator>, name: string) {
    const options = await client.mutate<PublicKeyCredentialCreationOptionsJSON>("account.passkeys.registerOptions");
    expect(options.status).toBe(200);
    const registered = await client.mutate<{ id: string; name: string }>("account.passkeys.register", {
      name,
      response: device.register(options.body.result?.data as PublicKeyCredentialCreationOptionsJSON),
    });
    expect(registered.status).toBe(200);
    return registered.body.result?.data as { id: string; name: string };
  }

  async function passwordLess(device: ReturnType<typeof softAuthenticator>, which = 0) {
    const client = stack.anonymous();
    const options = await client.mutate<PublicKeyCredentialRequestOptionsJSON>("auth.passkey.options");
    const response = device.assert(options.body.result?.data as PublicKeyCredentialRequestOptionsJSON, which);
    return { client, response, answer: await client.mutate<SignIn>("auth.passkey.login", { response }) };
  }

  it("registers several named passkeys; the password sign-in then asks for one as the second factor", async () => {
    const user = await newStaff();
    const client = await stack.signIn(user.email);
    const device = softAuthenticator(stack.api.url);
    await register(client, device, "Laptop");
    await register(client, device, "Phone");
    const list = await client.query<{ items: { name: string }[] }>("account.passkeys.list");
    expect(list.body.result?.data.items.map((p) => p.name)).toEqual(["Laptop", "Phone"]);

    const pending = stack.anonymous();
    const login = await pending.mutate<SignIn>("auth.login", { email: user.email, password: demoPassword });
    expect(login.body.result?.data).toEqual({ mfa: { methods: ["passkey"] } });
    const options = await pending.mutate<PublicKeyCredentialRequestOptionsJSON>("auth.mfa.passkeyOptions");
    expect(options.body.result?.data.allowCredentials).toHaveLength(2);
    const verified = await pending.mutate<SignIn>("auth.mfa.verify", {
      passkey: device.assert(options.body.result?.data as PublicKeyCredentialRequestOptionsJSON),
    });
    expect(verified.body.result?.data).toMatchObject({ user: { email: user.email }, next: null });
    expect((await pending.query("authentications.count", {})).status).toBe(200);
  });

  it("signs in without a password; the same answer twice is refused (the challenge is used up)", async () => {
    const user = await newStaff();
    const device = softAuthenticator(stack.api.url);
    await register(await stack.signIn(user.email), device, "Key");
    const { client, response, answer } = await passwordLess(device);
    expect(answer.body.result?.data).toMatchObject({ user: { email: user.email }, next: null });
    expect((await client.query("authentications.count", {})).status).toBe(200);
    const replay = await stack.anonymous().mutate("auth.passkey.login", { response });
    expect(replay.status).toBe(401);
  });

  it("refuses an answer made for another site, and another user's passkey as one's second factor", async () => {
    const user = await newStaff();
    const other = await newStaff();
    const device = softAuthenticator(stack.api.url);
    await register(await stack.signIn(user.email), device, "Mine");
    const strangerDevice = softAuthenticator(stack.api.url);
    await register(await stack.signIn(other.email), strangerDevice, "Theirs");

    const client = stack.anonymous();
    const options = await client.mutate<PublicKeyCredentialRequestOptionsJSON>("auth.passkey.options");
    const phished = device.assert(
      options.body.result?.data as PublicKeyCredentialRequestOptionsJSON,
      0,
      "https://evil.example",
    );
    expect((await client.mutate("auth.passkey.login", { response: phished })).status).toBe(401);

    const pending = stack.anonymous();
    await pending.mutate("auth.login", { email: user.email, password: demoPassword });
    const factor = await pending.mutate<PublicKeyCredentialRequestOptionsJSON>("auth.mfa.passkeyOptions");
    const wrongUser = strangerDevice.assert({
      ...(factor.body.result?.data as PublicKeyCredentialRequestOptionsJSON),
      allowCredentials: [],
    });
    expect((await pending.mutate("auth.mfa.verify", { passkey: wrongUser })).status).toBe(401);
    expect((await pending.query("authentications.count", {})).status).toBe(401);
  });

  it("one address gets a bounded number of password-less challenges", async () => {
    const ask = () =>
      fetch(`${stack.api.url}/trpc/auth.passkey.options`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: stack.api.url, "x-forwarded-for": "198.51.100.77" },
        body: "null",
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < throttleLimits.passkeyChallenge.max + 1; i++) statuses.push(await ask());
    expect(statuses.slice(0, -1).every((s) => s === 200)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  }, 60_000);

  it("a removed passkey no longer signs in; an admin's factor reset removes them all", async () => {
    const user = await newStaff();
    const client = await stack.signIn(user.email);
    const device = softAuthenticator(stack.api.url);
    const first = await register(client, device, "Old");
    await register(client, device, "New");
    expect((await client.mutate("account.passkeys.remove", { id: first.id })).status).toBe(200);
    expect((await client.mutate("account.passkeys.remove", { id: first.id })).status).toBe(404);
    expect((await passwordLess(device, 0)).answer.status).toBe(401);
    expect((await passwordLess(device, 1)).answer.status).toBe(200);

    expect((await admin.mutate("users.resetMfa", { id: user.id })).status).toBe(200);
    expect((await passwordLess(device, 1)).answer.status).toBe(401);
    const login = await stack.anonymous().mutate<SignIn>("auth.login", { email: user.email, password: demoPassword });
    expect(login.body.result?.data).toMatchObject({ next: null });
  });
});
