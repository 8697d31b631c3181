import { describe, expect, it } from "vitest";
import { generalKey, serverFormErrors } from "./formErrors.ts";

/** An error as @trpc/client hands it over: a message, and the server's data. */
const refused = (message: string, data: Record<string, unknown>) => Object.assign(new Error(message), { data });
const fields = ["email", "name", "role", "password"];

describe("a refused call, as a form shows it", () => {
  it("puts each validation problem next to its field", () => {
    const errors = serverFormErrors(
      refused("validation", {
        code: "BAD_REQUEST",
        problems: [
          { path: ["password"], message: "password must be at least 12 characters" },
          { path: ["email"], message: "Invalid email address" },
          { path: ["email"], message: "a second problem with it" },
        ],
      }),
      { fields },
    );
    expect(errors).toEqual({ password: "password must be at least 12 characters", email: "Invalid email address" });
  });

  it("shows a CONFLICT on the field it is about", () => {
    const message = "a staff user with email ops@demo.test already exists";
    expect(serverFormErrors(refused(message, { code: "CONFLICT" }), { fields, conflictField: "email" })).toEqual({
      email: message,
    });
  });

  it("lands nested paths where the form says", () => {
    const errors = serverFormErrors(
      refused("validation", {
        code: "BAD_REQUEST",
        problems: [
          { path: ["changes", "expiry_year"], message: "Expiry year 2020 is in the past" },
          { path: ["reuseToken"], message: "A reuse token has at least 14 characters" },
        ],
      }),
      { fields: ["expiry_year"], fieldOf: (path) => String(path.at(-1)) },
    );
    expect(errors).toEqual({
      expiry_year: "Expiry year 2020 is in the past",
      [generalKey]: "reuseToken: A reuse token has at least 14 characters",
    });
  });

  it("says anything else above the form, in words", () => {
    const forbidden = refused("Your role (manager) lacks the permission users.manage", { code: "FORBIDDEN" });
    expect(serverFormErrors(forbidden, { fields })).toEqual({
      [generalKey]: "Your role (manager) lacks the permission users.manage",
    });
    expect(serverFormErrors(new TypeError("Failed to fetch"), { fields })[generalKey]).toBe(
      "The back office could not be reached: Failed to fetch",
    );
    const shapeless = refused("bad", { code: "BAD_REQUEST", problems: [{ path: [], message: "expected an object" }] });
    expect(serverFormErrors(shapeless, { fields })[generalKey]).toBe("expected an object");
    const upstream = refused("Verifone failed (502)", {
      code: "BAD_GATEWAY",
      upstream: { status: 502, message: "Bad gateway", retryable: true },
    });
    expect(serverFormErrors(upstream, { fields })[generalKey]).toBe("Verifone answered 502: Bad gateway");
  });
});
