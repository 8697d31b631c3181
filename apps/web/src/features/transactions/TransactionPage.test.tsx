// @vitest-environment jsdom
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Role } from "@vbo/domain";
import { describe, expect, it } from "vitest";
import { SectionGuard } from "../../routes/SectionGuard.tsx";
import { type Answer, type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import TransactionPage from "./TransactionPage.tsx";
import type { TransactionDetail } from "./types.ts";

const id = "0b3929f2-933f-421c-98ca-f1149e317066";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A settled 12.50 EUR sale, as transactions.get answers it, with `refunded` minor units already refunded. */
function sale(refunded = 0): TransactionDetail {
  const children = refunded
    ? [
        {
          id: `refund-${refunded}`,
          parent_id: id,
          transaction_type: "REFUND" as const,
          transaction_status: "SETTLED" as const,
          amount: refunded / 100,
          currency_code: "EUR" as const,
          created_at: "2026-11-15T10:00:00.000Z",
        },
      ]
    : [];
  return {
    id,
    amount: "12.50",
    amount_minor: 1250,
    currency_code: "EUR",
    transaction_type: "SALE",
    transaction_status: refunded ? "PARTIALLY_REFUNDED" : "SETTLED",
    created_at: "2026-11-14T23:59:00.000Z",
    merchant_reference: "ORD-1",
    card_brand: "VISA",
    masked_card_number: "476173******9205",
    token_details: { reuse_token: "Exp9yHt2YKn053sw" },
    threed_authentication: { eci_flag: "05", enrolled: "Y", pares_status: "Y", ds_transaction_id: "ds-1" },
    liability: { liable: "ISSUER", reason: "AUTHENTICATED", eci: "FULL" },
    actions: {
      refundable: 1250 - refunded,
      capturable: 0,
      voidable: 0,
      voidKind: null,
      reasons: {
        capture: "This payment has already been captured",
        void: "This payment has been settled: refund it instead of voiding",
      },
    },
    children,
  } as TransactionDetail;
}

type Refund = { id: string; amount: number; reason?: string; idempotencyKey: string };

/** transactions.get and .refund over one sale; `answer` may answer a refund differently (by attempt number). */
function fakeApi(answer?: (refund: Refund, attempt: number) => Answer | undefined) {
  let refunded = 0;
  const calls: Call[] = [];
  const refunds = () => calls.filter((c) => c.path === "transactions.refund").map((c) => c.input as Refund);
  const server = async (call: Call): Promise<Answer> => {
    calls.push(call);
    if (call.path === "transactions.get") return trpcResult(sale(refunded));
    if (call.path === "transactions.refund") {
      const input = call.input as Refund;
      const custom = answer?.(input, refunds().length);
      if (custom) return custom;
      refunded += input.amount;
      return trpcResult({
        ...sale(),
        id: "refund-new",
        transaction_type: "REFUND",
        amount_minor: input.amount,
        amount: "x",
        transaction_status: "SETTLEMENT_REQUESTED",
      });
    }
    return trpcError("NOT_FOUND", 404, `no ${call.path}`);
  };
  return { server, calls, refunds, reads: () => calls.filter((c) => c.path === "transactions.get").length };
}

function open(api: ReturnType<typeof fakeApi>, role: Role = "support") {
  return renderApp({
    path: `/transactions/${id}?f=transaction_type~eq~SALE`,
    user: { id: `user-${role}`, email: `${role}@demo.test`, name: `A ${role}`, role },
    server: api.server,
    routes: [
      {
        path: "/transactions/:id",
        element: (
          <SectionGuard section="transactions">
            <TransactionPage />
          </SectionGuard>
        ),
      },
      { path: "/transactions", element: <p>the list</p> },
      { path: "/tokens/:reuseToken", element: <p>the token</p> },
    ],
  });
}

const remaining = () => screen.getByTestId("tx-remaining");
const dialog = () => screen.getByTestId("tx-move-dialog");

async function startRefund(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByTestId("tx-refund"));
  return screen.findByTestId("tx-amount-input");
}

/** Opens the page and confirms a refund of 2.00 EUR. */
async function refundTwoEuros(api: ReturnType<typeof fakeApi>) {
  open(api);
  const user = userEvent.setup();
  const amount = await startRefund(user);
  await user.clear(amount);
  await user.type(amount, "2.00");
  await user.click(screen.getByTestId("tx-confirm"));
  return user;
}

describe("refunding from the transaction page", () => {
  it("offers the full remainder, refunds the amount typed with a fresh key, then shows the result and re-reads", async () => {
    const api = fakeApi();
    open(api);
    const user = userEvent.setup();
    await waitFor(() => expect(remaining().textContent).toContain("12.50 EUR"));
    const amount = await startRefund(user);
    expect(amount).toHaveProperty("value", "12.50");
    await user.clear(amount);
    await user.type(amount, "5.25");
    await user.type(screen.getByTestId("tx-reason-input"), "Damaged item");
    await user.click(screen.getByTestId("tx-confirm"));

    await screen.findByTestId("tx-action-result");
    expect(api.refunds()).toEqual([
      { id, amount: 525, reason: "Damaged item", idempotencyKey: expect.stringMatching(uuid) },
    ]);
    await waitFor(() => expect(remaining().getAttribute("data-refundable")).toBe("725"));
    expect(remaining().textContent).toContain("7.25 EUR");
    expect(within(screen.getByTestId("tx-children")).getAllByTestId("tx-child")).toHaveLength(1);
  });

  it("refuses an amount above the remainder in the form, naming the limit, and sends nothing", async () => {
    const api = fakeApi();
    open(api);
    const user = userEvent.setup();
    const amount = await startRefund(user);
    await user.clear(amount);
    await user.type(amount, "12.51");
    expect(screen.getByTestId("tx-amount-error").textContent).toBe("At most 12.50 EUR can still be refunded");
    await user.click(screen.getByTestId("tx-confirm"));
    await user.clear(amount);
    await user.type(amount, "1.005");
    expect(screen.getByTestId("tx-amount-error").textContent).toBe("EUR amounts take at most 2 decimals");
    await user.click(screen.getByTestId("tx-confirm"));
    expect(api.refunds()).toEqual([]);
  });

  const timeout = (message = "Verifone did not confirm the refund (HTTP 504): the outcome is unknown") =>
    trpcError("GATEWAY_TIMEOUT", 504, message, {
      upstream: { status: 504, message: "timeout", retryable: true, outcomeUnknown: true },
    });

  it("after an unknown outcome says so, re-sends the same request with the same key, and says the refund went through", async () => {
    const api = fakeApi((_refund, attempt) => (attempt === 1 ? timeout() : undefined));
    open(api);
    const user = userEvent.setup();
    const amount = await startRefund(user);
    await user.clear(amount);
    await user.type(amount, "2.00");
    const readsBefore = api.reads();
    await user.click(screen.getByTestId("tx-confirm"));

    const unknown = await within(dialog()).findByTestId("tx-outcome-unknown");
    expect(unknown.textContent).toMatch(/not known yet/);
    expect(unknown.textContent).toContain("Asking again with the same idempotency key (check 1 of 3)");
    await waitFor(() => expect(api.reads()).toBeGreaterThan(readsBefore));
    expect(screen.getByTestId("tx-amount-input")).toHaveProperty("disabled", true);
    // The page asks again by itself: no click.
    const result = await screen.findByTestId("tx-action-result", {}, { timeout: 3000 });
    expect(result.textContent).toContain("The refund of 2.00 EUR went through");
    expect(screen.queryByTestId("tx-outcome-unknown")).toBeNull();
    const [first, retry] = api.refunds();
    expect(retry).toEqual(first);
    expect(api.refunds()).toHaveLength(2);
  });

  it("when the re-sent attempt is refused, says the refund did not happen; trying again takes a new key", async () => {
    const api = fakeApi((_refund, attempt) =>
      attempt === 1
        ? timeout()
        : attempt === 2
          ? trpcError("PRECONDITION_FAILED", 412, "at most 1.00 EUR can still be refunded")
          : undefined,
    );
    const user = await refundTwoEuros(api);
    const error = await within(dialog()).findByTestId("tx-action-error", {}, { timeout: 3000 });
    expect(error.textContent).toBe(
      "The refund did not happen — nothing was moved (At most 1.00 EUR can still be refunded). You can try again.",
    );
    expect(screen.queryByTestId("tx-outcome-unknown")).toBeNull();
    expect(screen.getByTestId("tx-amount-input")).toHaveProperty("disabled", false);
    await user.click(screen.getByTestId("tx-confirm"));
    await screen.findByTestId("tx-action-result");
    const [first, resent, fresh] = api.refunds();
    expect(resent).toEqual(first);
    expect(fresh?.amount).toBe(200);
    expect(fresh?.idempotencyKey).not.toBe(first?.idempotencyKey);
  });

  it("still unknown after three re-sends: says so with the key and what to do; Retry sends the same key", async () => {
    const api = fakeApi((_refund, attempt) => (attempt <= 4 ? timeout() : undefined));
    const user = await refundTwoEuros(api);
    const unknown = await within(dialog()).findByTestId("tx-outcome-unknown");
    await waitFor(() => expect(unknown.getAttribute("data-checking")).toBe("false"), { timeout: 8000 });
    const [first] = api.refunds();
    expect(unknown.textContent).toContain("Still not known after 3 checks");
    expect(unknown.textContent).toContain(`the idempotency key ${first?.idempotencyKey}`);
    expect(api.refunds()).toHaveLength(4);
    expect(screen.getByTestId("tx-confirm").textContent).toBe("Retry the refund");
    await user.click(screen.getByTestId("tx-confirm"));
    await screen.findByTestId("tx-action-result");
    expect(new Set(api.refunds().map((r) => r.idempotencyKey)).size).toBe(1);
    expect(api.refunds()).toHaveLength(5);
  }, 15_000);

  it("after a refusal shows why; a changed amount goes with a new key, the same one again with the same key", async () => {
    const api = fakeApi((refund) =>
      refund.amount > 300 ? trpcError("PRECONDITION_FAILED", 412, "at most 3.00 EUR can still be refunded") : undefined,
    );
    open(api);
    const user = userEvent.setup();
    const amount = await startRefund(user);
    await user.clear(amount);
    await user.type(amount, "4.00");
    const readsBefore = api.reads();
    await user.click(screen.getByTestId("tx-confirm"));
    expect((await screen.findByTestId("tx-action-error")).textContent).toBe("At most 3.00 EUR can still be refunded");
    // A refusal may mean the remainder changed meanwhile (a colleague's refund): the transaction is read again.
    await waitFor(() => expect(api.reads()).toBeGreaterThan(readsBefore));
    await user.click(screen.getByTestId("tx-confirm"));
    await waitFor(() => expect(api.refunds()).toHaveLength(2));
    await user.clear(amount);
    await user.type(amount, "3.00");
    await user.click(screen.getByTestId("tx-confirm"));
    await screen.findByTestId("tx-action-result");
    const [first, same, changed] = api.refunds();
    expect(same?.idempotencyKey).toBe(first?.idempotencyKey);
    expect(changed?.idempotencyKey).not.toBe(first?.idempotencyKey);
    expect(changed?.amount).toBe(300);
  });

  it("disables the confirm button while the refund is in flight", async () => {
    let release: (answer: Answer) => void = () => {};
    const held = new Promise<Answer>((resolve) => {
      release = resolve;
    });
    const api = fakeApi();
    const server = api.server;
    api.server = async (call) => (call.path === "transactions.refund" ? held : server(call));
    open(api);
    const user = userEvent.setup();
    await startRefund(user);
    await user.click(screen.getByTestId("tx-confirm"));
    await waitFor(() => expect(screen.getByTestId("tx-confirm")).toHaveProperty("disabled", true));
    expect(screen.getByTestId("tx-refund")).toHaveProperty("disabled", true);
    release(trpcResult({ ...sale(), id: "refund-new", transaction_type: "REFUND" }));
    await screen.findByTestId("tx-action-result");
  });
});

describe("who may move money", () => {
  it("operations sees the transaction but no action buttons, and is told why", async () => {
    open(fakeApi(), "operations");
    expect((await screen.findByTestId("tx-actions-not-allowed")).textContent).toContain("Operations");
    expect(screen.queryByTestId("tx-refund")).toBeNull();
    expect(screen.queryByTestId("tx-capture")).toBeNull();
    expect(screen.queryByTestId("tx-void")).toBeNull();
  });

  it("a disabled action says why; the reuse token links to its Tokens page", async () => {
    open(fakeApi());
    const capture = await screen.findByTestId("tx-capture");
    expect(capture).toHaveProperty("disabled", true);
    expect(capture.parentElement?.getAttribute("aria-description")).toBe("This payment has already been captured");
    expect(screen.getByTestId("tx-token-link").getAttribute("href")).toBe("/tokens/Exp9yHt2YKn053sw");
  });
});

describe("capturing and voiding an authorisation", () => {
  const preauth = {
    ...sale(),
    transaction_type: "PREAUTH",
    transaction_status: "AUTHORISED",
    actions: {
      refundable: 0,
      capturable: 1250,
      voidable: 1250,
      voidKind: "void",
      reasons: { refund: "Not refunded itself" },
    },
  } as TransactionDetail;

  function openPreauth(tx: TransactionDetail = preauth) {
    const calls: Call[] = [];
    const server = (call: Call): Answer => {
      calls.push(call);
      if (call.path === "transactions.get") return trpcResult(tx);
      return trpcResult({
        ...sale(),
        id: "child",
        transaction_type: call.path === "transactions.void" ? "VOID" : "CAPTURE",
      });
    };
    renderApp({
      path: `/transactions/${id}`,
      user: { id: "m", email: "manager@demo.test", name: "Maya", role: "manager" },
      server,
      routes: [{ path: "/transactions/:id", element: <TransactionPage /> }],
    });
    return (path: string) => calls.filter((c) => c.path === path).map((c) => c.input);
  }

  it("captures the full remainder without an amount, or part of it in minor units", async () => {
    const inputs = openPreauth();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("tx-capture"));
    expect(screen.getByTestId("tx-confirm").textContent).toBe("Capture 12.50 EUR");
    await user.click(screen.getByTestId("tx-confirm"));
    await screen.findByTestId("tx-action-result");
    await user.click(screen.getByTestId("tx-capture"));
    await user.click(screen.getByText("Part of it"));
    await user.clear(screen.getByTestId("tx-amount-input"));
    await user.type(screen.getByTestId("tx-amount-input"), "4.5");
    await user.click(screen.getByTestId("tx-confirm"));
    await waitFor(() => expect(inputs("transactions.capture")).toHaveLength(2));
    const [full, part] = inputs("transactions.capture") as { idempotencyKey: string }[];
    expect(full).toEqual({ id, idempotencyKey: expect.stringMatching(uuid) });
    expect(part).toEqual({ id, amount: 450, idempotencyKey: expect.stringMatching(uuid) });
    expect(part?.idempotencyKey).not.toBe(full?.idempotencyKey);
  });

  it("voids with only the id and a key, after saying what it releases", async () => {
    const inputs = openPreauth();
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("tx-void"));
    expect(screen.getByRole("dialog").textContent).toContain("releases the authorisation hold of 12.50 EUR");
    await user.click(screen.getByTestId("tx-confirm"));
    await screen.findByTestId("tx-action-result");
    expect(inputs("transactions.void")).toEqual([{ id, idempotencyKey: expect.stringMatching(uuid) }]);
    expect(screen.queryByTestId("tx-refund")).toHaveProperty("disabled", true);
  });

  it("after a partial capture, offers to release the rest still held", async () => {
    const partlyCaptured = {
      ...preauth,
      actions: { ...preauth.actions, capturable: 850, voidable: 850, voidKind: "release" },
    } as TransactionDetail;
    const inputs = openPreauth(partlyCaptured);
    const user = userEvent.setup();
    const release = await screen.findByTestId("tx-void");
    expect(release.textContent).toContain("Release the rest");
    expect(screen.getByTestId("tx-action-limits").textContent).toContain("Release the rest: up to 8.50 EUR");
    await user.click(release);
    expect(screen.getByRole("dialog").textContent).toContain("frees the 8.50 EUR still held on the customer's card");
    expect(screen.getByTestId("tx-confirm").textContent).toBe("Release 8.50 EUR");
    await user.click(screen.getByTestId("tx-confirm"));
    expect((await screen.findByTestId("tx-action-result")).textContent).toMatch(/^Released/);
    expect(inputs("transactions.void")).toEqual([{ id, idempotencyKey: expect.stringMatching(uuid) }]);
  });
});
