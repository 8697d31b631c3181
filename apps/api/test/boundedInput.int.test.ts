import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Stack, startStack } from "./harness.ts";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.close());

type RawAnswer = { status: number; body: string };

/** A POST the way an attacker sends it: any size, chunked (no Content-Length) when asked. */
function post(path: string, body: string, options: { chunked?: boolean } = {}): Promise<RawAnswer> {
  const url = new URL(path, stack.api.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          origin: stack.api.url,
          ...(options.chunked ? {} : { "content-length": String(Buffer.byteLength(body)) }),
        },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          text += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    // The server may answer and close before the whole body is sent: that is the point.
    req.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE" || err.code === "ECONNRESET") return;
      reject(err);
    });
    if (options.chunked) {
      for (let i = 0; i < body.length; i += 16_384) req.write(body.slice(i, i + 16_384));
      req.end();
    } else req.end(body);
  });
}

const login = (extra: Record<string, unknown>) =>
  JSON.stringify({ email: "ops@demo.test", password: "wrong-password", ...extra });

describe("request bodies are bounded before they are parsed", () => {
  it("refuses a body over 64 KB with 413 in tRPC's error shape", async () => {
    const answer = await post("/trpc/auth.login", login({ padding: "x".repeat(70_000) }));
    expect(answer.status).toBe(413);
    const body = JSON.parse(answer.body);
    expect(body.error.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
    expect(body.error.code).toBe(-32013);
    expect(body.error.message).toMatch(/64 KB/);
  });

  it("refuses a chunked body (no Content-Length) once it passes the limit", async () => {
    const answer = await post("/trpc/auth.login", login({ padding: "x".repeat(1_000_000) }), { chunked: true });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("still takes an ordinary body", async () => {
    const answer = await post("/trpc/auth.login", login({}));
    expect(answer.status).toBe(401);
  });

  it("refuses a 100,000-deep JSON body without parsing it", async () => {
    // Within the size limit only if deep nesting were allowed to pass it: 20,000 levels fit in 40 KB.
    const deep = `${"[".repeat(20_000)}${"]".repeat(20_000)}`;
    const answer = await post("/trpc/auth.login", `{"email":"a@b.c","password":${deep}}`);
    expect(answer.status).toBe(400);
    const body = JSON.parse(answer.body);
    expect(body.error.data.code).toBe("BAD_REQUEST");
    expect(body.error.message).toMatch(/nested more than 64 levels/);

    const hundredThousand = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect((await post("/trpc/auth.login", hundredThousand)).status).toBe(413);
  });

  it("refuses a deeply nested query input too", async () => {
    const deep = `${"[".repeat(1_000)}${"]".repeat(1_000)}`;
    const res = await fetch(`${stack.api.url}/trpc/authentications.list?input=${encodeURIComponent(deep)}`, {
      headers: { cookie: stack.cookie ?? "" },
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/nested more than 64/);
  });
});

describe("the audit trail keeps a bounded copy of an input", () => {
  it("stores the first keys of a 5,000-key login and says it was cut", async () => {
    const keys = Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i]));
    const answer = await post("/trpc/auth.login", login(keys));
    expect(answer.status).toBe(401);
    const { rows } = await stack.api.db.query<{ input: Record<string, unknown>; size: number }>(
      "SELECT input, length(input::text) AS size FROM audit_event WHERE action = 'auth.login' ORDER BY id DESC LIMIT 1",
    );
    const row = rows[0];
    expect(row?.size).toBeLessThanOrEqual(4_096);
    expect(row?.input.email).toBe("ops@demo.test");
    expect(row?.input["[cut]"]).toMatchObject({ keys: 5_002, note: expect.stringMatching(/cut/) });
  });
});
