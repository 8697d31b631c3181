// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import { CreateUserModal } from "./CreateUserModal.tsx";

/** users.create answered by `answer`; every call kept. */
function open(answer: (call: Call) => ReturnType<typeof trpcResult>) {
  const calls: Call[] = [];
  const created: string[] = [];
  renderApp({
    path: "/",
    server: (call) => {
      calls.push(call);
      return answer(call);
    },
    routes: [
      { path: "/", element: <CreateUserModal opened onClose={() => {}} onCreated={(email) => created.push(email)} /> },
    ],
  });
  return { calls, created };
}

const field = (label: string) => screen.getByLabelText(label, { exact: false });

async function fill(user: ReturnType<typeof userEvent.setup>, password: string) {
  await user.type(field("Email"), "new@demo.test");
  await user.type(field("Name"), "New Person");
  await user.type(field("Initial password"), password);
  await user.click(screen.getByTestId("create-user-submit"));
}

describe("creating a staff user", () => {
  it("refuses what users.create's schema refuses, on the field, before any call", async () => {
    const api = open(() => trpcResult({}));
    const user = userEvent.setup();
    await fill(user, "short");
    expect(await screen.findByText("password must be at least 12 characters")).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it("puts the server's CONFLICT on the email field, keeps the input, and clears it once the email is edited", async () => {
    const api = open(() => trpcError("CONFLICT", 409, "a staff user with email new@demo.test already exists"));
    const user = userEvent.setup();
    await fill(user, "a-long-enough-password");
    await screen.findByText("a staff user with email new@demo.test already exists");
    expect(field("Email").getAttribute("aria-invalid")).toBe("true");
    expect(api.calls.map((c) => c.path)).toEqual(["users.create"]);
    expect(field("Name")).toHaveProperty("value", "New Person");
    await user.type(field("Email"), "x");
    await waitFor(() => expect(screen.queryByText(/already exists/)).toBeNull());
  });

  it("says a refusal about no field above the form", async () => {
    open(() => trpcError("FORBIDDEN", 403, "Your role (manager) lacks the permission users.manage"));
    const user = userEvent.setup();
    await fill(user, "a-long-enough-password");
    expect((await screen.findByRole("alert")).textContent).toContain("lacks the permission users.manage");
  });
});
