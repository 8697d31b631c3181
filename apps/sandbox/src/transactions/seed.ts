import { exponentOf } from "../currencies.ts";
import type { Merchant } from "../ecommerce/merchants.ts";
import type { History } from "../history.ts";
import { createRandom, type Random } from "../random.ts";
import { type Entity, subSeed } from "../threeds/seed.ts";
import type { Token } from "../tokens/types.ts";
import { capture, refund, voidAuthorisation, voidCapture } from "./actions.ts";
import type { ChildInit, TransactionBook } from "./ledger.ts";
import { type SeedContext, seedOriginal } from "./seedOriginals.ts";
import { partOf } from "./seedTables.ts";
import { refreshStatuses } from "./statuses.ts";
import type { Transaction } from "./types.ts";

/**
 * Deterministic transactions: same (seed, count, authentications, tokens) → same records, ids included. Original
 * payment `o` is built from `(seed, o)` (and, for 3DS payments, authentication `o`); its refunds, captures and voids
 * follow it, made by the same state machine the API uses, so every ledger is consistent. `count` is the total,
 * children included (the last original may lose some of its children to the cut).
 */
const minuteMs = 60_000;
const hourMs = 3_600_000;
const dayMs = 86_400_000;

class SeedBook implements TransactionBook {
  readonly records: Transaction[] = [];

  constructor(readonly endMs: number) {}

  readonly #byId = new Map<string, Transaction>();
  readonly #children = new Map<string, Transaction[]>();

  get(id: string) {
    return this.#byId.get(id);
  }

  childrenOf(id: string) {
    return this.#children.get(id) ?? [];
  }

  add(t: Transaction) {
    this.records.push(t);
    this.#byId.set(t.id, t);
    if (t.parent_id) this.#children.set(t.parent_id, [...this.childrenOf(t.parent_id), t]);
  }
}

/**
 * A UUID from 64 bits drawn from two independent sub-seeds. One mulberry32 stream per record is not enough: streams
 * are windows on one 2^32 cycle and overlap, which repeats ids by the tens of thousands of records.
 */
function seededUuid(seed: number, stream: number, index: number): string {
  const h =
    createRandom(subSeed(seed, stream, index)).hex(16) + createRandom(subSeed(~seed >>> 0, stream, index)).hex(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[Number.parseInt(h[16] ?? "0", 16) % 4]}${h.slice(17, 20)}-${h.slice(20)}`;
}

/**
 * A child `after` its predecessor, or null when that moment is not yet — after the history's end: a refund planned
 * for next week has not happened, so the last weeks keep open authorisations and unrefunded sales.
 */
function childInit(
  book: SeedBook,
  rng: Random,
  id: string,
  previousMs: number,
  minMs: number,
  maxMs: number,
): ChildInit | null {
  const createdMs = previousMs + rng.int(minMs, maxMs);
  return createdMs <= book.endMs - minuteMs ? { id, createdMs, rng } : null;
}

/** One action on a family; `id` is the child's; null when it has not happened by the end of the history. */
type Step = (book: SeedBook, id: string) => Transaction | null;

/** The latest moment in a family so far (children follow one another). */
function lastMs(book: SeedBook, t: Transaction): number {
  return Math.max(t.createdMs, ...book.childrenOf(t.id).map((c) => c.createdMs));
}

/** None, one full, one partial or two partial refunds of what `target` finds in the book. */
function refundSteps(rng: Random, target: (book: SeedBook) => Transaction | undefined): Step[] {
  const roll = rng.next();
  const count = roll < 0.2 ? 1 : roll < 0.24 ? 2 : 0;
  const full = roll < 0.12;
  return Array.from({ length: count }, () => (book: SeedBook, id: string) => {
    const t = target(book);
    if (!t) return null;
    const init = childInit(book, rng, id, lastMs(book, t), dayMs, 45 * dayMs);
    if (!init) return null;
    const left = t.amount - t.refunded;
    const amount = full ? left : partOf(rng, left, exponentOf(t.currency_code), 0.15, 0.5);
    return refund(book, t.id, amount, init);
  });
}

function saleChildren(rng: Random, sale: Transaction): Step[] {
  if (rng.chance(0.03))
    return [
      (book, id) => {
        const init = childInit(book, rng, id, sale.createdMs, 10 * minuteMs, 20 * hourMs);
        return init ? voidCapture(book, sale.id, init) : null;
      },
    ];
  return refundSteps(rng, () => sale);
}

function authorisationChildren(rng: Random, auth: Transaction): Step[] {
  const roll = rng.next();
  const exponent = exponentOf(auth.currency_code);
  const after =
    (min: number, max: number, act: (init: ChildInit) => Transaction): Step =>
    (book, id) => {
      const init = childInit(book, rng, id, lastMs(book, auth), min, max);
      return init ? act(init) : null;
    };
  if (roll < 0.5) {
    const full = (book: SeedBook, id: string) =>
      after(10 * minuteMs, 6 * dayMs, (init) => capture(book, auth.id, auth.amount, false, init))(book, id);
    const theCapture = (book: SeedBook) => book.childrenOf(auth.id).find((c) => c.kind === "CAPTURE");
    return rng.chance(0.3) ? [full, ...refundSteps(rng, theCapture)] : [full];
  }
  if (roll < 0.62) {
    const part = partOf(rng, auth.amount, exponent, 0.4, 0.9);
    const steps: Step[] = [
      (book, id) => after(10 * minuteMs, 3 * dayMs, (init) => capture(book, auth.id, part, false, init))(book, id),
    ];
    if (rng.chance(0.4)) {
      const rest = partOf(rng, auth.amount - part + 1, exponent, 0.3, 1);
      steps.push((book, id) =>
        // The final capture follows a first one only.
        book.childrenOf(auth.id).length === 0
          ? null
          : after(hourMs, 2 * dayMs, (init) => capture(book, auth.id, rest, true, init))(book, id),
      );
    }
    return steps;
  }
  if (roll < 0.75)
    return [(book, id) => after(10 * minuteMs, 3 * dayMs, (init) => voidAuthorisation(book, auth.id, init))(book, id)];
  return []; // left open: capturable and voidable
}

function planChildren(rng: Random, original: Transaction): Step[] {
  if (original.declined || original.kind === "CARD_VERIFICATION") return [];
  return original.kind === "SALE" ? saleChildren(rng, original) : authorisationChildren(rng, original);
}

export type TransactionSeedContext = {
  entities: readonly Entity[];
  merchants: readonly Merchant[];
  authentications: number;
  tokens: readonly Token[];
  history: History;
};

export function seedTransactions(seed: number, count: number, context: TransactionSeedContext): Transaction[] {
  const ctx: SeedContext = {
    seed,
    ...context,
    tokenById: new Map(context.tokens.map((t) => [t.reuse_token, t])),
  };
  const book = new SeedBook(context.history.endMs);
  for (let o = 0; book.records.length < count; o++) {
    const rng = createRandom(subSeed(seed, 40, o));
    const original = refreshStatuses(seedOriginal(ctx, o, rng));
    original.id = seededUuid(seed, 41, o);
    book.add(original);
    for (const [k, step] of planChildren(rng, original).entries()) {
      if (book.records.length >= count) break;
      step(book, seededUuid(seed, 42 + k, o));
    }
  }
  return book.records;
}
