import { describe, expect, it } from "vitest";
import { createRandom } from "../random.ts";
import { AuthenticationStore } from "./authenticationStore.ts";
import type { SortKey } from "./queryGrammar.ts";
import { seedAuthentications } from "./seed.ts";
import type { ThreeDSAuthentication } from "./types.ts";

/** Sorting through cached ranks must stay right after inserts and updates; checked against a plain sort. */
const cmp = (a: string | number | undefined, b: string | number | undefined) =>
  a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

function value(r: ThreeDSAuthentication, field: string): string | number | undefined {
  if (field === "created_at") return Date.parse(r.created_at);
  if (field.startsWith("authentication.")) return r.authentication[field.slice(15) as "cavv"];
  return r[field as "amount"] as string | number | undefined;
}

function plainSort(records: ThreeDSAuthentication[], keys: SortKey[]) {
  return [...records].sort((a, b) => {
    for (const { field, desc } of keys) {
      const c = cmp(value(a, field), value(b, field));
      if (c !== 0) return desc ? -c : c;
    }
    return cmp(a._id, b._id);
  });
}

const sorts: SortKey[][] = [
  [{ field: "amount", desc: false }],
  [{ field: "_id", desc: true }],
  [
    { field: "authentication.card_brand", desc: false },
    { field: "created_at", desc: false },
  ],
  [
    { field: "authentication.cavv", desc: true },
    { field: "transaction_id", desc: false },
    { field: "amount", desc: true },
  ],
];

describe("AuthenticationStore sorting across changes", () => {
  it("matches a plain sort before and after inserts and an update", () => {
    const records = seedAuthentications(5, 400, "2026-11-15T00:00:00.000Z");
    const store = new AuthenticationStore(records);
    const check = (all: ThreeDSAuthentication[]) => {
      for (const sort of sorts) {
        const got = store.list({ conditions: [], sort, limit: 10000, skip: 0 }).map((r) => r._id);
        expect(got).toEqual(plainSort(all, sort).map((r) => r._id));
      }
    };
    check(records);

    const rng = createRandom(99);
    const added = seedAuthentications(6, 30, "2026-11-15T00:00:00.000Z").map((r) => ({
      ...r,
      _id: rng.uuid(),
      created_at: new Date(Date.UTC(2023, 0, 1) + rng.int(0, 1e10)).toISOString(),
    }));
    for (const r of added) store.add(r);
    check([...records, ...added]);

    const target = added[3] as ThreeDSAuthentication;
    const changed = { ...target, authentication: { ...target.authentication, cavv: "AAAA", card_brand: "AMEX" } };
    store.update(target._id, () => changed);
    check([...records, ...added.map((r) => (r._id === target._id ? changed : r))]);
    expect(store.list({ conditions: [], sort: [], limit: 10000, skip: 0 }).map((r) => r._id)).toEqual(
      [...records, ...added]
        .sort((a, b) => Date.parse(b.created_at) - Date.parse(a.created_at) || cmp(a._id, b._id))
        .map((r) => r._id),
    );
  });
});
