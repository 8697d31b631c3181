import { describe, expect, it } from "vitest";
import { createUserErrors } from "./createUserErrors.ts";

/** An error as @trpc/client hands it over: a message, and the server's data. */
const refused = (message: string, data: Record<string, unknown>) => Object.assign(new Error(message), { data });

describe("a refused users.create, as the form shows it", () => {
  it("puts each validation problem next to its field", () => {
    const errors = createUserErrors(
      refused("validation", {
        code: "BAD_REQUEST",
        problems: [
          { path: ["password"], message: "password must be at least 12 characters" },
          { path: ["email"], message: "Invalid email address" },
        ],
      }),
    );
    expect(errors).toEqual({
      fields: { password: "password must be at least 12 characters", email: "Invalid email address" },
      general: null,
    });
  });

  it("shows a taken email (CONFLICT) on the email field", () => {
    const message = "a staff user with email ops@demo.test already exists";
    expect(createUserErrors(refused(message, { code: "CONFLICT" }))).toEqual({
      fields: { email: message },
      general: null,
    });
  });

  it("says anything else above the form, in words", () => {
    expect(
      createUserErrors(refused("Your role (manager) lacks the permission users.manage", { code: "FORBIDDEN" })),
    ).toEqual({ fields: {}, general: "Your role (manager) lacks the permission users.manage" });
    expect(createUserErrors(new TypeError("Failed to fetch")).general).toBe(
      "The back office could not be reached: Failed to fetch",
    );
    expect(
      createUserErrors(refused("bad", { code: "BAD_REQUEST", problems: [{ path: [], message: "expected an object" }] }))
        .general,
    ).toBe("expected an object");
  });
});
