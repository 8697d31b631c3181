import { can, reuseTokenProblem } from "@vbo/domain";
import { VerifoneApiError } from "@vbo/verifone";
import { authenticationFields, type FieldSpec, type Filter, transactionFields } from "@vbo/verifone/fields";
import type { Context, SessionUser } from "../context.ts";
import { upstream } from "../upstream.ts";

export type ReferenceKind = "authentication" | "transaction" | "token";

/** One record a pasted reference found, and by which of its fields. */
export type ReferenceMatch = {
  kind: ReferenceKind;
  id: string;
  /** The fields the value matched, as Verifone names them (`authentication.ds_transaction_id`, `merchant_reference`). */
  matched: string[];
  createdAt: string | null;
  /** Amount as Verifone gives it for the record (authentications: major units; transactions: see amount_minor). */
  amount: number | null;
  currency: string | null;
  status: string | null;
  cardBrand: string | null;
};

export type ReferenceSearch = { items: ReferenceMatch[]; failed: { source: string; message: string }[] };

/** At most this many records per field: a reference names one record, or a handful. */
const perField = 5;

// The reference fields each endpoint filters on by `eq` (read from the field catalogs, so a field Verifone stops
// filtering on drops out here at the next `generate`).
const authenticationReferenceFields = [
  "_id",
  "transaction_id",
  "authentication.ds_transaction_id",
  "authentication.order_id",
] as const;
const transactionReferenceFields = ["id", "merchant_reference", "invoice_number"] as const;

function usable(catalog: readonly FieldSpec[], names: readonly string[], value: string): string[] {
  return names.filter((name) => {
    const spec = catalog.find((f) => f.field === name);
    if (spec?.type !== "string" || !(spec.ops as readonly string[]).includes("eq")) return false;
    return spec.maxLength === undefined || value.length <= spec.maxLength;
  });
}

type Row = Record<string, unknown>;
const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : null);
const num = (v: unknown) => (typeof v === "number" ? v : null);
const nested = (row: Row, key: string): Row =>
  typeof row[key] === "object" && row[key] !== null ? (row[key] as Row) : {};

function authenticationMatch(row: Row, field: string): ReferenceMatch {
  const a = nested(row, "authentication");
  return {
    kind: "authentication",
    id: String(row._id),
    matched: [field],
    createdAt: text(row.created_at),
    amount: num(row.amount),
    currency: text(row.currency_code),
    status: text(a.pares_status),
    cardBrand: text(a.card_brand),
  };
}

function transactionMatch(row: Row, field: string): ReferenceMatch {
  return {
    kind: "transaction",
    id: String(row.id),
    matched: [field],
    createdAt: text(row.created_at),
    amount: num(row.amount),
    currency: text(row.currency_code),
    status: text(row.transaction_status) ?? text(row.status),
    cardBrand: text(row.card_brand),
  };
}

/**
 * Every query a reference can answer, in parallel: the authentications and transactions by each reference field
 * Verifone filters on (for the roles that may read them), and the token by its reuse token. A failed source is
 * reported and the others still answer.
 */
export async function findReference(ctx: Context, user: SessionUser, value: string): Promise<ReferenceSearch> {
  const jobs: { source: string; run: () => Promise<ReferenceMatch[]> }[] = [];
  const opts = { requestId: ctx.requestId };
  const eq = (field: string): Filter[] => [{ field, op: "eq", value }];
  if (can(user.role, "authentications.read")) {
    for (const field of usable(authenticationFields, authenticationReferenceFields, value)) {
      jobs.push({
        source: "authentications",
        run: async () =>
          (await ctx.verifone.threeDS.list({ filters: eq(field), limit: perField }, opts)).map((row) =>
            authenticationMatch(row as unknown as Row, field),
          ),
      });
    }
  }
  if (can(user.role, "transactions.read")) {
    for (const field of usable(transactionFields, transactionReferenceFields, value)) {
      jobs.push({
        source: "transactions",
        run: async () =>
          (await ctx.verifone.transactions.list({ filters: eq(field), limit: perField }, opts)).map((row) =>
            transactionMatch(row as unknown as Row, field),
          ),
      });
    }
  }
  if (can(user.role, "tokens.read") && reuseTokenProblem(value) === null) {
    jobs.push({
      source: "tokens",
      run: async () => {
        const t = (await ctx.verifone.tokens.get(value, opts)) as unknown as Row;
        return [
          {
            kind: "token",
            id: value,
            matched: ["reuse_token"],
            createdAt: text(t.created_at),
            amount: null,
            currency: null,
            status: text(t.token_status),
            cardBrand: text(t.brand) ?? text(t.card_brand),
          },
        ];
      },
    });
  }

  // Verifone's 404 (no such token) or 400 (a value this field cannot hold) means "not this kind of reference".
  const orNothing = (run: () => Promise<ReferenceMatch[]>) =>
    run().catch((err: unknown) => {
      if (err instanceof VerifoneApiError && (err.status === 404 || err.status === 400)) return [];
      throw err;
    });
  const settled = await Promise.allSettled(jobs.map((job) => upstream(() => orNothing(job.run))));
  const byKey = new Map<string, ReferenceMatch>();
  const failed: ReferenceSearch["failed"] = [];
  settled.forEach((outcome, i) => {
    const source = jobs[i]?.source ?? "?";
    if (outcome.status === "rejected") {
      const message = outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
      if (!failed.some((f) => f.source === source)) failed.push({ source, message });
      return;
    }
    for (const match of outcome.value) {
      const key = `${match.kind}:${match.id}`;
      const seen = byKey.get(key);
      if (seen) seen.matched = [...new Set([...seen.matched, ...match.matched])];
      else byKey.set(key, match);
    }
  });
  return { items: [...byKey.values()], failed };
}
