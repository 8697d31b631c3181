// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import { ChangePasswordForm } from "./ChangePasswordForm.tsx";

function open(answer: (call: Call) => Answer = () => trpcResult({ ok: true })) {
  const calls: Call[] = [];
  let changed = 0;
  renderApp({
    path: "/",
    server: (call) => {
      calls.push(call);
      return answer(call);
    },
    routes: [{ path: "/", element: <ChangePasswordForm onChanged={() => changed++} /> }],
  });
  return { calls, changed: () => changed };
}

async function change(current: string, next: string, repeat: string) {
  const user = userEvent.setup();
  await user.type(screen.getByTestId("current-password"), current);
  await user.type(screen.getByTestId("new-password"), next);
  await user.type(screen.getByTestId("repeat-password"), repeat);
  await user.click(screen.getByTestId("change-password"));
}

describe("changing one's password", () => {
  it("checks account.changePassword's schema and the repeat before any call", async () => {
    const api = open();
    await change("old-password-1", "short", "shorter");
    expect(await screen.findByText("next must be at least 12 characters")).toBeTruthy();
    expect(screen.getByText("The two new passwords differ")).toBeTruthy();
    expect(api.calls).toEqual([]);
  });

  it("sends current and next only, once both agree", async () => {
    const api = open();
    await change("old-password-1", "a-new-password-2", "a-new-password-2");
    await waitFor(() => expect(api.changed()).toBe(1));
    expect(api.calls).toEqual([
      { path: "account.changePassword", input: { current: "old-password-1", next: "a-new-password-2" } },
    ]);
  });

  it("puts the server's problem on its field, not above the form", async () => {
    const message = "next is on a list of breached passwords";
    open(() => trpcError("BAD_REQUEST", 400, message, { problems: [{ path: ["next"], message }] }));
    await change("old-password-1", "a-new-password-2", "a-new-password-2");
    expect(await screen.findByText(message)).toBeTruthy();
    expect(screen.queryByTestId("password-error")).toBeNull();
  });

  it("says a wrong current password above the form", async () => {
    open(() => trpcError("UNAUTHORIZED", 401, "The current password is not right"));
    await change("old-password-1", "a-new-password-2", "a-new-password-2");
    expect((await screen.findByTestId("password-error")).textContent).toBe("The current password is not right");
  });
});
