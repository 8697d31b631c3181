// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Role } from "@vbo/domain";
import { afterEach, describe, expect, it } from "vitest";
import { SectionGuard } from "../../routes/SectionGuard.tsx";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import { recentLookupsKey } from "./recentLookups.ts";
import TokensPage from "./TokensPage.tsx";
import type { TokenView } from "./tokenTypes.ts";

const id = "4bZ9xQ2LmT7kP0vR";
const unknownId = "ZZZZZZZZZZZZZZZZ";
const stored = (extra: Partial<TokenView> = {}): TokenView => ({
  reuse_token: id,
  bin: "411111",
  last_four: "1111",
  expiry_month: 12,
  expiry_year: 2031,
  card_holder_name: "Ada Lovelace",
  brand: "VISA",
  issuer_name: "HSBC",
  reuse_token_type: "INTERNAL",
  token_scope: "7a0c3a38-3f5e-4e55-9d1b-8f6f3c7f9c11",
  token_status: "ACTIVE",
  created_at: "2024-05-01T10:00:00.000Z",
  updated_at: "2024-05-01T10:00:00.000Z",
  ...extra,
});

const userWith = (role: Role) => ({ id: `user-${role}`, email: `${role}@demo.test`, name: `A ${role}`, role });

/** A stand-in for the API's tokens router: one token, its state machine, and a hook to answer differently. */
function fakeApi(token: TokenView, override?: (call: Call) => Answer | undefined | Promise<Answer | undefined>) {
  let current = token;
  const calls: Call[] = [];
  const server = async (call: Call): Promise<Answer> => {
    calls.push(call);
    const custom = await override?.(call);
    if (custom) return custom;
    const input = call.input as { reuseToken: string };
    if (input.reuseToken !== current.reuse_token) return trpcError("NOT_FOUND", 404, "No token with this id");
    const next = { suspend: "SUSPENDED", activate: "ACTIVE", delete: "DELETED" } as const;
    const action = call.path.replace("tokens.", "");
    if (action in next) current = { ...current, token_status: next[action as keyof typeof next] };
    if (action === "update") current = { ...current, ...(call.input as { changes: Partial<TokenView> }).changes };
    return trpcResult(current);
  };
  return { server, calls, paths: () => calls.map((c) => c.path) };
}

function openTokens(path: string, api: ReturnType<typeof fakeApi>, role: Role = "support") {
  return renderApp({
    path,
    user: userWith(role),
    server: api.server,
    routes: [
      {
        path: "/tokens/:reuseToken?",
        element: (
          <SectionGuard section="tokens">
            <TokensPage />
          </SectionGuard>
        ),
      },
    ],
  });
}

const status = () => screen.getByTestId("token-status").textContent;

/** Opens the token, asks to delete it with a reason and the last four digits, and confirms. */
async function deleteWithReason(api: ReturnType<typeof fakeApi>) {
  openTokens(`/tokens/${id}`, api);
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("token-delete"));
  await user.type(screen.getByTestId("token-reason"), "Customer asked");
  await user.type(screen.getByTestId("token-delete-last-four"), "1111");
  await user.click(screen.getByTestId("token-confirm"));
}

afterEach(() => window.localStorage.clear());

describe("looking a token up", () => {
  it("refuses a malformed id with a message and calls nothing", async () => {
    const api = fakeApi(stored());
    const { router } = openTokens("/tokens", api);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("token-lookup-input"), "too short");
    await user.click(screen.getByTestId("token-lookup-submit"));
    expect(screen.getByTestId("token-lookup-error").textContent).toBe("A reuse token has at least 14 characters");
    await user.clear(screen.getByTestId("token-lookup-input"));
    await user.type(screen.getByTestId("token-lookup-input"), "has spaces in the middle");
    await user.keyboard("{Enter}");
    expect(screen.getByTestId("token-lookup-error").textContent).toBe(
      "A reuse token has no spaces or special characters",
    );
    expect(router.state.location.pathname).toBe("/tokens");
    expect(api.calls).toEqual([]);
  });

  it("refuses a malformed id in the URL the same way, without a call", async () => {
    const api = fakeApi(stored());
    openTokens("/tokens/short", api);
    expect((await screen.findByTestId("token-lookup-error")).textContent).toBe(
      "A reuse token has at least 14 characters",
    );
    expect(api.calls).toEqual([]);
  });

  it("says there is no token with an unknown well-formed id", async () => {
    const api = fakeApi(stored());
    const { router } = openTokens("/tokens", api);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("token-lookup-input"), unknownId);
    await user.click(screen.getByTestId("token-lookup-submit"));
    expect((await screen.findByTestId("token-lookup-error")).textContent).toBe(`No token with this id: ${unknownId}`);
    expect(router.state.location.pathname).toBe(`/tokens/${unknownId}`);
    expect(api.calls).toEqual([{ path: "tokens.get", input: { reuseToken: unknownId } }]);
    expect(screen.queryByTestId("token-card")).toBeNull();
  });

  it("shows the card masked (never more than BIN and last four), its state, scope and an expiry flag", async () => {
    const soon = new Date();
    const api = fakeApi(stored({ expiry_month: soon.getUTCMonth() + 1, expiry_year: soon.getUTCFullYear() }));
    openTokens(`/tokens/${id}`, api);
    const card = await screen.findByTestId("token-card");
    expect(within(card).getByTestId("token-masked-card").textContent).toBe("4111 11•• •••• 1111");
    expect(card.textContent).not.toMatch(/\d{7,}/);
    expect(status()).toBe("ACTIVE");
    expect(within(card).getByTestId("token-expiry-flag").dataset.state).toBe("expiring");
    expect(card.textContent).toContain("Ada Lovelace");
    expect(card.textContent).toContain("7a0c3a38-3f5e-4e55-9d1b-8f6f3c7f9c11");
    expect(card.textContent).toContain("VISA");
    expect(card.textContent).toContain("1 May 2024, 10:00 UTC");
  });

  it("keeps any printable character of a token through the URL", async () => {
    const odd = "ab/cd?ef#gh%ij&kl+mn";
    const api = fakeApi(stored({ reuse_token: odd }));
    const { router } = openTokens("/tokens", api);
    const user = userEvent.setup();
    await user.type(screen.getByTestId("token-lookup-input"), odd);
    await user.click(screen.getByTestId("token-lookup-submit"));
    await screen.findByTestId("token-card");
    expect(api.calls).toEqual([{ path: "tokens.get", input: { reuseToken: odd } }]);
    expect(router.state.location.pathname).toBe(`/tokens/${encodeURIComponent(odd)}`);
  });

  it.each([
    [1, 2020, "Expired"],
    [12, 2031, null],
  ])("flags a card expiring %i/%i as %s", async (month, year, flag) => {
    openTokens(`/tokens/${id}`, fakeApi(stored({ expiry_month: month, expiry_year: year })));
    const card = await screen.findByTestId("token-card");
    expect(within(card).getByTestId("token-expiry").textContent).toBe(`${String(month).padStart(2, "0")}/${year}`);
    expect(within(card).queryByTestId("token-expiry-flag")?.textContent ?? null).toBe(flag);
  });

  it("remembers the user's look-ups (masked card and status at the time), newest first, clickable", async () => {
    const other = "Qm8Rt2Ws5Yx9Za1Bc3";
    window.localStorage.setItem(
      recentLookupsKey("user-support"),
      JSON.stringify([
        { reuseToken: other, card: "•••• 4444", brand: "MASTERCARD", status: "SUSPENDED", at: "2025-01-01T00:00:00Z" },
      ]),
    );
    const api = fakeApi(stored());
    const { router } = openTokens(`/tokens/${id}`, api);
    await screen.findByTestId("token-card");
    const recent = screen.getByTestId("recent-lookups");
    await waitFor(() => expect(within(recent).getAllByTestId("recent-lookup")).toHaveLength(2));
    const [first, second] = within(recent).getAllByTestId("recent-lookup");
    expect(first?.dataset.token).toBe(id);
    expect(first?.textContent).toContain("•••• 1111");
    expect(first?.textContent).toContain("ACTIVE");
    expect(second?.textContent).toContain("SUSPENDED");
    const saved = JSON.parse(window.localStorage.getItem(recentLookupsKey("user-support")) ?? "[]");
    expect(saved.map((l: { reuseToken: string }) => l.reuseToken)).toEqual([id, other]);
    // Another user on this browser has their own (empty) list.
    expect(window.localStorage.getItem(recentLookupsKey("user-manager"))).toBeNull();

    await userEvent.setup().click(second as HTMLElement);
    await waitFor(() => expect(router.state.location.pathname).toBe(`/tokens/${other}`));
    expect(screen.getByTestId("token-lookup-input")).toHaveProperty("value", other);
  });
});

describe("acting on a token", () => {
  it("suspends with a reason, showing SUSPENDED only once the server answered, then re-activates", async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi(stored(), async (call) => {
      if (call.path === "tokens.suspend") await held;
      return undefined;
    });
    openTokens(`/tokens/${id}`, api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("token-suspend"));
    const confirm = screen.getByTestId("token-confirm");
    expect(confirm).toHaveProperty("disabled", true);
    await user.type(screen.getByTestId("token-reason"), "Card reported stolen");
    expect(confirm).toHaveProperty("disabled", false);
    await user.click(confirm);
    await waitFor(() => expect(api.paths()).toContain("tokens.suspend"));
    expect(status()).toBe("ACTIVE");
    release();
    await waitFor(() => expect(status()).toBe("SUSPENDED"));
    expect(api.calls.find((c) => c.path === "tokens.suspend")?.input).toEqual({
      reuseToken: id,
      reason: "Card reported stolen",
    });
    await waitFor(() => expect(screen.queryByTestId("token-dialog")).toBeNull());
    expect(screen.queryByTestId("token-suspend")).toBeNull();

    await user.click(screen.getByTestId("token-activate"));
    await user.type(screen.getByTestId("token-reason"), "Card found again");
    await user.click(screen.getByTestId("token-confirm"));
    await waitFor(() => expect(status()).toBe("ACTIVE"));
  });

  it("deletes only after the last four are typed, says it is irreversible, and then offers nothing more", async () => {
    const api = fakeApi(stored());
    openTokens(`/tokens/${id}`, api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("token-delete"));
    const dialog = screen.getByTestId("token-dialog");
    expect(dialog.textContent).toContain("This cannot be undone");
    expect(dialog.textContent).toContain("irreversible");
    await user.type(screen.getByTestId("token-reason"), "Customer asked to remove the card");
    const confirm = screen.getByTestId("token-confirm");
    await user.type(screen.getByTestId("token-delete-last-four"), "1112");
    expect(confirm).toHaveProperty("disabled", true);
    await user.clear(screen.getByTestId("token-delete-last-four"));
    await user.type(screen.getByTestId("token-delete-last-four"), "1111");
    expect(confirm).toHaveProperty("disabled", false);
    expect(api.paths()).not.toContain("tokens.delete");
    await user.click(confirm);
    await waitFor(() => expect(status()).toBe("DELETED"));
    for (const action of ["suspend", "activate", "update", "delete"]) {
      expect(screen.queryByTestId(`token-${action}`)).toBeNull();
    }
    expect(screen.getByTestId("token-no-actions").textContent).toContain("cannot be changed or restored");
  });

  it("a double click on confirm sends one request", async () => {
    const api = fakeApi(stored());
    openTokens(`/tokens/${id}`, api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("token-suspend"));
    await user.type(screen.getByTestId("token-reason"), "Card reported stolen");
    const confirm = screen.getByTestId("token-confirm");
    // Two clicks in the same tick: nothing re-renders between them.
    fireEvent.click(confirm);
    fireEvent.click(confirm);
    await waitFor(() => expect(status()).toBe("SUSPENDED"));
    expect(api.paths().filter((p) => p === "tokens.suspend")).toHaveLength(1);
  });

  it("tells the second of two people deleting at once that it is already deleted, and re-reads it", async () => {
    let deletedElsewhere = false;
    const api = fakeApi(stored(), (call) => {
      if (call.path === "tokens.delete") {
        deletedElsewhere = true;
        return trpcError("PRECONDITION_FAILED", 412, "This token is already deleted");
      }
      if (call.path === "tokens.get" && deletedElsewhere) return trpcResult(stored({ token_status: "DELETED" }));
      return undefined;
    });
    await deleteWithReason(api);
    expect((await screen.findByTestId("token-action-error")).textContent).toContain("This token is already deleted");
    await waitFor(() => expect(status()).toBe("DELETED"));
    expect(api.paths()).toEqual(["tokens.get", "tokens.delete", "tokens.get"]);
    expect(screen.queryByTestId("token-dialog")).toBeNull();
  });

  it("when Verifone does not confirm a write, says the outcome is unknown and shows the token as re-read", async () => {
    let reads = 0;
    let release: () => void = () => {};
    const reRead = new Promise<void>((resolve) => (release = resolve));
    const api = fakeApi(stored(), async (call) => {
      if (call.path === "tokens.suspend") {
        return trpcError(
          "GATEWAY_TIMEOUT",
          504,
          "Verifone did not confirm the suspend (timeout): the outcome is unknown",
          {
            upstream: { status: null, message: "timeout", retryable: true, outcomeUnknown: true },
          },
        );
      }
      if (call.path === "tokens.get" && ++reads > 1) {
        await reRead;
        return trpcResult(stored({ token_status: "SUSPENDED" }));
      }
      return undefined;
    });
    openTokens(`/tokens/${id}`, api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("token-suspend"));
    await user.type(screen.getByTestId("token-reason"), "Card stolen");
    await user.click(screen.getByTestId("token-confirm"));
    expect((await screen.findByTestId("token-outcome-unknown")).textContent).toContain("unknown");
    // No guess in the meantime: the old state is not shown while Verifone is asked again.
    expect(screen.queryByTestId("token-status")).toBeNull();
    release();
    await waitFor(() => expect(status()).toBe("SUSPENDED"));
    expect(api.paths()).toEqual(["tokens.get", "tokens.suspend", "tokens.get"]);
    // Read again, the token is suspended: the suspension asked for is known to be done.
    expect(screen.getByTestId("token-outcome-learnt").textContent).toContain("The suspension went through");
    expect(screen.queryByTestId("token-outcome-unknown")).toBeNull();
  });

  it("a delete whose answer was lost on the way to the browser is read again and reported done, not 'already deleted'", async () => {
    let deleted = false;
    const api = fakeApi(stored(), (call) => {
      // The back office deletes the token, then its answer never arrives.
      if (call.path === "tokens.delete") {
        deleted = true;
        throw new TypeError("Failed to fetch");
      }
      if (call.path === "tokens.get" && deleted) return trpcResult(stored({ token_status: "DELETED" }));
      return undefined;
    });
    await deleteWithReason(api);
    expect((await screen.findByTestId("token-outcome-learnt")).textContent).toContain("The deletion went through");
    expect(status()).toBe("DELETED");
    expect(screen.queryByTestId("token-dialog")).toBeNull();
    expect(screen.queryByTestId("token-action-error")).toBeNull();
    expect(api.paths().filter((p) => p === "tokens.delete")).toHaveLength(1);
  });

  it("keeps the dialog open with the input on an ordinary failure, so the user can retry", async () => {
    let fail = true;
    const api = fakeApi(stored(), (call) => {
      if (call.path === "tokens.suspend" && fail) {
        fail = false;
        return trpcError("BAD_GATEWAY", 502, "Verifone failed (502): Bad gateway", {
          upstream: { status: 502, message: "Bad gateway", retryable: true },
        });
      }
      return undefined;
    });
    openTokens(`/tokens/${id}`, api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("token-suspend"));
    await user.type(screen.getByTestId("token-reason"), "Card stolen");
    await user.click(screen.getByTestId("token-confirm"));
    expect((await screen.findByTestId("token-action-error")).textContent).toBe("Verifone answered 502: Bad gateway");
    expect(status()).toBe("ACTIVE");
    expect(screen.getByTestId("token-reason")).toHaveProperty("value", "Card stolen");
    await user.click(screen.getByTestId("token-confirm"));
    await waitFor(() => expect(status()).toBe("SUSPENDED"));
  });

  it("updates only the changed fields, refusing a past year and a long name before any call", async () => {
    const api = fakeApi(stored());
    openTokens(`/tokens/${id}`, api);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("token-update"));
    const year = screen.getByTestId("token-expiry-year");
    await user.clear(year);
    await user.type(year, "2020");
    await user.type(screen.getByTestId("token-holder-name"), " Countess of Lovelace");
    await user.click(screen.getByTestId("token-confirm"));
    const dialog = screen.getByTestId("token-dialog");
    expect(dialog.textContent).toContain("Expiry year 2020 is in the past");
    expect(dialog.textContent).toContain("Card holder name must be at most 30 characters");
    expect(api.paths()).toEqual(["tokens.get"]);

    await user.clear(year);
    await user.type(year, "2033");
    await user.clear(screen.getByTestId("token-holder-name"));
    await user.type(screen.getByTestId("token-holder-name"), "Ada King");
    await user.type(screen.getByTestId("token-holder-email"), "ada@example.com");
    await user.click(screen.getByTestId("token-confirm"));
    await waitFor(() => expect(screen.queryByTestId("token-dialog")).toBeNull());
    expect(api.calls.find((c) => c.path === "tokens.update")?.input).toEqual({
      reuseToken: id,
      changes: { expiry_year: 2033, card_holder_name: "Ada King", card_holder_email: "ada@example.com" },
    });
    expect(screen.getByTestId("token-card").textContent).toContain("12/2033");
  });
});

describe("by role", () => {
  it("a manager may suspend but not update or delete, and is told why", async () => {
    openTokens(`/tokens/${id}`, fakeApi(stored()), "manager");
    expect(await screen.findByTestId("token-suspend")).toHaveProperty("disabled", false);
    for (const action of ["update", "delete"]) {
      const button = screen.getByTestId(`token-${action}`);
      expect(button).toHaveProperty("disabled", true);
      expect(button.parentElement?.getAttribute("aria-description")).toBe(
        `Your role (Manager) cannot ${action} stored cards`,
      );
    }
  });

  it("operations cannot open the page, and nothing is asked of the server", async () => {
    const api = fakeApi(stored());
    openTokens(`/tokens/${id}`, api, "operations");
    expect((await screen.findByTestId("forbidden-page")).textContent).toContain(
      "Your role (Operations) cannot open the card tokens",
    );
    expect(screen.queryByTestId("token-lookup-input")).toBeNull();
    expect(api.calls).toEqual([]);
  });
});
