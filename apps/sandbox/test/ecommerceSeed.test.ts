import { describe, expect, it } from "vitest";
import { seedAuthentications, seedEcommerce } from "../src/index.ts";
import { testNow, useSandbox } from "./harness.ts";

type Listed = Record<string, unknown> & {
  id: string;
  amount: number;
  currency_code: string;
  created_at: string;
  transaction_type: string;
  transaction_status: string;
  parent_id?: string;
  merchant_reference?: string;
  threed_authentication?: Record<string, string>;
  stored_credential?: { stored_credential_type: string; processing_model: string; reference: string };
};

const sizes = { authentications: 5000, tokens: 500, transactions: 3000 };
const { transactions, tokens } = seedEcommerce(1, sizes, testNow) as {
  transactions: Listed[];
  tokens: Record<string, unknown>[];
};
const authentications = seedAuthentications(1, sizes.authentications, testNow);
const exponents: Record<string, number> = { JPY: 0, ISK: 0, KRW: 0, BHD: 3, KWD: 3, JOD: 3 };
const set = <T>(rows: readonly T[], f: (r: T) => unknown) => new Set(rows.map(f));

describe("seeded transactions", () => {
  it("are deterministic: same seed and sizes, same records, ids included; another seed, other ids", () => {
    expect(seedEcommerce(1, sizes, testNow)).toEqual({ transactions, tokens });
    const other = seedEcommerce(2, sizes, testNow).transactions.map((t) => t.id);
    expect(other.filter((id) => set(transactions, (t) => t.id).has(id))).toEqual([]);
  });

  it("are exactly the requested number, with unique ids, also by the hundred thousand", () => {
    expect(transactions).toHaveLength(3000);
    expect(set(transactions, (t) => t.id).size).toBe(3000);
    const many = seedEcommerce(3, { authentications: 1000, tokens: 200, transactions: 40_000 }, testNow).transactions;
    expect(set(many, (t) => t.id).size).toBe(40_000);
  });

  it("share ds_transaction_id with the seeded authentications, with the same amount, currency and card", () => {
    const byDs = new Map(authentications.map((a) => [a.authentication.ds_transaction_id, a]));
    const with3ds = transactions.filter((t) => t.threed_authentication?.ds_transaction_id);
    expect(with3ds.length).toBeGreaterThan(1000);
    for (const t of with3ds) {
      const auth = byDs.get(t.threed_authentication?.ds_transaction_id);
      expect(auth, t.id).toBeDefined();
      if (!auth) continue;
      // An account verification (a sign-up without payment) is for 0, whatever amount was authenticated.
      const expected = t.transaction_type === "CARD_VERIFICATION" ? 0 : auth.amount;
      expect(Math.round(t.amount * 10 ** (exponents[t.currency_code] ?? 2))).toBe(expected);
      expect(t.currency_code).toBe(auth.currency_code);
      expect(t.card_brand).toBe(auth.authentication.card_brand);
      const lag = Date.parse(t.created_at) - Date.parse(auth.created_at);
      expect(lag > 0 && lag < 120_000).toBe(true);
      // The liability inputs are the authentication's own.
      for (const field of ["eci_flag", "enrolled", "pares_status", "cavv", "threeds_version"] as const)
        expect(t.threed_authentication?.[field], `${t.id} ${field}`).toBe(auth.authentication[field]);
    }
  });

  it("follow their 3DS 1.0 authentications too (matched by xid), and never a pending, rejected or abandoned one", () => {
    const byXid = new Map(authentications.map((a) => [a.authentication.xid, a]));
    // An enrolled 3DS 1.0 authentication has an xid (a not-enrolled one has nothing to match on).
    const v1 = transactions.filter((t) => t.threed_authentication?.xid);
    expect(v1.length).toBeGreaterThan(0);
    for (const t of v1) {
      const auth = byXid.get(t.threed_authentication?.xid);
      expect(auth?.authentication.threeds_version, t.id).toBe("1.0.2");
      expect(Date.parse(t.created_at)).toBeGreaterThan(Date.parse(auth?.created_at ?? ""));
    }
    const byDs = new Map(authentications.map((a) => [a.authentication.ds_transaction_id, a]));
    for (const t of transactions) {
      const auth = byDs.get(t.threed_authentication?.ds_transaction_id);
      if (!auth) continue;
      expect(["C", "R"]).not.toContain(auth.authentication.pares_status);
      expect(auth.authentication.challenge_cancel).toBeUndefined();
    }
  });

  it("carry the 3DS block without signature_verification, which consumers complete from the 3DS record", () => {
    const blocks = transactions.flatMap((t) => (t.threed_authentication ? [t.threed_authentication] : []));
    expect(blocks.every((b) => b.signature_verification === undefined)).toBe(true);
    expect(set(blocks, (b) => b.threeds_version)).toEqual(new Set(["1.0.2", "2.1.0", "2.2.0"]));
    expect(set(blocks, (b) => b.pares_status)).toEqual(new Set(["Y", "A", "N", "U", undefined]));
    // 3DS 1.0 has no DS transaction id: such payments carry the xid instead.
    expect(blocks.some((b) => !b.ds_transaction_id && b.xid)).toBe(true);
  });

  it("include stored-credential sign-ups and charges of each processing model", () => {
    const kinds = set(
      transactions.filter((t) => t.stored_credential),
      (t) => `${t.stored_credential?.stored_credential_type}/${t.stored_credential?.processing_model}`,
    );
    for (const kind of [
      "SIGNUP/NONE",
      "SIGNUP/RECURRING",
      "SIGNUP/UNSCHEDULED_CREDENTIAL_ON_FILE",
      "CHARGE/CREDENTIAL_ON_FILE",
      "CHARGE/RECURRING",
      "CHARGE/UNSCHEDULED_CREDENTIAL_ON_FILE",
      "CHARGE/REAUTHORIZATION",
    ])
      expect(kinds).toContain(kind);
    const signups = transactions.filter((t) => t.stored_credential?.stored_credential_type === "SIGNUP");
    expect(signups.every((t) => t.threed_authentication)).toBe(true); // sign-ups are CITs with 3DS
    expect(set(signups, (t) => t.transaction_type)).toContain("CARD_VERIFICATION");
  });

  it("mix types, statuses, currencies of every exponent, brands and channels", () => {
    expect(set(transactions, (t) => t.transaction_type)).toEqual(
      new Set(["SALE", "AUTHORISATION", "PREAUTH", "CARD_VERIFICATION", "CAPTURE", "REFUND", "VOID"]),
    );
    for (const s of [
      "SETTLED",
      "REFUNDED",
      "PARTIALLY_REFUNDED",
      "AUTHORISED",
      "COMPLETED",
      "CANCELLED",
      "DECLINED",
      "APPROVED",
    ])
      expect(set(transactions, (t) => t.transaction_status)).toContain(s);
    const codes = set(transactions, (t) => t.currency_code);
    for (const code of ["EUR", "USD", "GBP", "JPY", "KRW", "BHD", "KWD"]) expect(codes).toContain(code);
    for (const t of transactions) {
      const decimals = String(t.amount).split(".")[1]?.length ?? 0;
      expect(decimals).toBeLessThanOrEqual(exponents[t.currency_code] ?? 2);
    }
    expect(set(transactions, (t) => t.card_brand).size).toBeGreaterThanOrEqual(8);
    expect(set(transactions, (t) => t.shopper_interaction)).toEqual(
      new Set(["ecommerce", "mail_order", "telephone_order"]),
    );
    expect(set(transactions, (t) => t.reason_code)).toEqual(new Set(["00", "05", "14", "51", "54", "57"]));
  });

  it("give children a parent_id, the parent's merchant_reference, and a later date", () => {
    const byId = new Map(transactions.map((t) => [t.id, t]));
    const children = transactions.filter((t) => t.parent_id);
    expect(children.length).toBeGreaterThan(500);
    for (const child of children) {
      const parent = byId.get(String(child.parent_id));
      expect(parent, child.id).toBeDefined();
      expect(child.merchant_reference).toBe(parent?.merchant_reference);
      expect(Date.parse(child.created_at)).toBeGreaterThan(Date.parse(String(parent?.created_at)));
    }
    expect(transactions.filter((t) => !t.parent_id).every((t) => t.merchant_reference)).toBe(true);
  });

  it("are dated inside the history, before now, most of them in its last 13 months", () => {
    const times = transactions.map((t) => Date.parse(t.created_at));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(Date.parse("2020-06-01T00:00:00Z"));
    expect(Math.max(...times)).toBeLessThan(Date.parse(testNow));
    const recent = times.filter((t) => t >= Date.parse(testNow) - 396 * 86_400_000);
    expect(recent.length / times.length).toBeGreaterThan(0.85);
    // The last week (the list's default window) has plenty to show.
    expect(times.filter((t) => t >= Date.parse(testNow) - 7 * 86_400_000).length).toBeGreaterThan(40);
  });
});

describe("a sandbox serves the seed", () => {
  const h = useSandbox({ seed: 4, authentications: 300, tokens: 50, transactions: 400 });

  it("lists exactly what seedEcommerce(seed, sizes, testNow) generates", async () => {
    const served = await h.ecomAll();
    expect(served).toEqual(
      seedEcommerce(4, { authentications: 300, tokens: 50, transactions: 400 }, testNow).transactions,
    );
  });
});
