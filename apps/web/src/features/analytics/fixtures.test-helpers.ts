// Fixture answers of the analytics.* procedures, for component tests only.
import type { Filter } from "@vbo/verifone/fields";
import type { Answer, Call } from "../../test/renderApp.tsx";
import { trpcResult } from "../../test/renderApp.tsx";
import type { AuthenticationsAnswer, Group, MoneyGroup, PaymentsAnswer, Rates, StatusAnswer } from "./types.ts";

export function group(key: string, counts: Partial<Omit<Group, "rates">> = {}, rates: Partial<Rates> = {}): Group {
  return {
    key,
    authentications: 100,
    issuer: 80,
    merchant: 20,
    frictionless: 50,
    challenged: 30,
    challengeSucceeded: 25,
    abandoned: 3,
    authenticated: 85,
    enrolled: 95,
    v2Enrolled: 90,
    reasons: { AUTHENTICATED: 70, ATTEMPTED: 10, NOT_ENROLLED: 20 },
    drillDown: null,
    ...counts,
    rates: {
      issuerShare: 0.8,
      frictionlessRate: 0.5556,
      challengeRate: 0.3333,
      challengeSuccess: 0.8333,
      abandonment: 0.1,
      authenticationSuccess: 0.8947,
      ...rates,
    },
  };
}

export const eq = (field: string, value: string): Filter => ({ field, op: "eq", value });

export type Fixture = {
  authentications?: (input: {
    by: string;
    from: string;
    to: string;
    compare?: boolean;
  }) => Partial<AuthenticationsAnswer>;
  payments?: Partial<PaymentsAnswer>;
  status?: Partial<StatusAnswer>;
  /** The person's saved views of the page (views.list); views.create adds to them. */
  views?: { id: string; name: string; query: string; isDefault?: boolean }[];
};

export const euro: MoneyGroup = {
  key: "VISA",
  currency_code: "EUR",
  payments: 12,
  amount: 123_450,
  issuerAmount: 100_000,
  merchantAmount: 23_450,
};

const savedView = (v: { id: string; name: string; query: string; isDefault?: boolean }) => ({
  page: "analytics",
  shared: false,
  owner: { id: "u1", name: "Maya Manager" },
  isDefault: false,
  ...v,
});

/** A fake analytics API: every call recorded, each procedure answered from the fixture (defaults otherwise). */
export function analyticsServer(fixture: Fixture = {}) {
  const calls: Call[] = [];
  const views = (fixture.views ?? []).map(savedView);
  const server = (call: Call): Answer => {
    calls.push(call);
    const input = call.input as { by: string; from: string; to: string; compare?: boolean };
    if (call.path === "analytics.authentications") {
      return trpcResult({
        rows: [group(input.by === "day" ? input.from : "VISA")],
        total: group("total"),
        ...(input.compare ? { previous: group("previous", { authentications: 80 }) } : {}),
        syncedThrough: "2026-12-01T19:40:00.000Z",
        complete: true,
        ...fixture.authentications?.(input),
      });
    }
    if (call.path === "analytics.payments") {
      return trpcResult({
        rows: [euro],
        total: [{ ...euro, key: "total" }],
        previous: [{ ...euro, key: "previous", merchantAmount: 20_000 }],
        syncedThrough: "2026-12-01T19:40:00.000Z",
        complete: true,
        ...fixture.payments,
      });
    }
    if (call.path === "analytics.status") {
      return trpcResult({
        syncedThrough: "2026-12-01T19:40:00.000Z",
        lagSeconds: 42,
        backfill: { done: true, from: "2025-10-27T00:00:00.000Z", through: "2025-10-27T00:00:00.000Z" },
        lastError: null,
        ...fixture.status,
      });
    }
    if (call.path === "views.list") return trpcResult({ items: views });
    if (call.path === "views.create") {
      const made = savedView({ id: `v${views.length + 1}`, ...(call.input as { name: string; query: string }) });
      views.push(made);
      return trpcResult(made);
    }
    return { status: 404, body: { error: { message: `no ${call.path}`, code: -32004, data: { code: "NOT_FOUND" } } } };
  };
  return { calls, server };
}
