// Liability for a payment (CONTRACT.md §2), from the transaction's own `threed_authentication` block.
//
// The eCommerce spec's block (ThreeDSecure) uses the 3DS API's names — eci_flag, enrolled, pares_status,
// ds_transaction_id, threeds_version (plus cavv, cavv_algorithm, xid) — but it has NO signature_verification, and
// no card brand: the brand is the transaction's top-level `card_brand`. So the signature verdict is taken from the
// 3-D Secure authentication with the same ds_transaction_id when one is given, and only without it does rule 3
// (SIGNATURE_UNKNOWN) apply.
import type { Filter } from "./filter.ts";
import { type Liability, type LiabilityInput, liabilityOf, liabilityWithout3DS } from "./liability.ts";

type Field = string | null | undefined;

/** A transaction's `threed_authentication` block (signature_verification is kept when a payment carries it). */
export type TransactionThreeDSBlock = {
  eci_flag?: Field;
  enrolled?: Field;
  pares_status?: Field;
  signature_verification?: Field;
  ds_transaction_id?: Field;
  threeds_version?: Field;
  cavv?: Field;
  xid?: Field;
};

export type TransactionForLiability = {
  created_at?: Field;
  card_brand?: Field;
  threed_authentication?: TransactionThreeDSBlock | null;
};

/** A 3-D Secure authentication as GET /v2/3d returns it (only the fields used here). */
export type MatchingAuthentication = {
  created_at?: Field;
  authentication?: (NonNullable<LiabilityInput["authentication"]> & { ds_transaction_id?: Field }) | null;
};

const blank = (value: Field) => value === null || value === undefined || String(value).trim() === "";
const trimmed = (value: Field) => (blank(value) ? null : String(value).trim());
const key = (value: Field) => (blank(value) ? null : String(value).trim().toLowerCase());

/** The block, or null when there is none or every field of it is blank (an empty `{}` is no 3-D Secure). */
function threeDSBlock(tx: TransactionForLiability): TransactionThreeDSBlock | null {
  const block = tx.threed_authentication;
  if (!block || typeof block !== "object") return null;
  return Object.values(block).some((value) => !blank(value as Field)) ? block : null;
}

/** Whether `authentication` is the one `tx` was paid with: the same, non-blank ds_transaction_id. */
export function isMatchingAuthentication(tx: TransactionForLiability, authentication: MatchingAuthentication): boolean {
  const own = key(tx.threed_authentication?.ds_transaction_id);
  return own !== null && own === key(authentication.authentication?.ds_transaction_id);
}

/**
 * Who carries fraud liability for a payment: MERCHANT / NO_3DS without a 3-D Secure block; otherwise the rules of
 * CONTRACT.md §2 on the block, dated by the transaction's created_at, the brand from its card_brand, and a missing
 * signature_verification completed from `matchingAuthentication` (used only when its ds_transaction_id matches).
 */
export function transactionLiability(
  tx: TransactionForLiability,
  matchingAuthentication?: MatchingAuthentication | null,
): Liability {
  const block = threeDSBlock(tx);
  if (!block) return liabilityWithout3DS();
  const match =
    matchingAuthentication && isMatchingAuthentication(tx, matchingAuthentication)
      ? matchingAuthentication.authentication
      : undefined;
  const input: LiabilityInput = {
    created_at: blank(tx.created_at) ? matchingAuthentication?.created_at : tx.created_at,
    authentication: {
      card_brand: blank(tx.card_brand) ? match?.card_brand : tx.card_brand,
      threeds_version: block.threeds_version,
      enrolled: block.enrolled,
      signature_verification: blank(block.signature_verification)
        ? match?.signature_verification
        : block.signature_verification,
      pares_status: block.pares_status,
      eci_flag: block.eci_flag,
    },
  };
  return liabilityOf(input);
}

/** Whether a transaction needs its 3-D Secure authentication looked up: it has a block without a signature verdict. */
export function needsAuthenticationLookup(tx: TransactionForLiability): boolean {
  const block = threeDSBlock(tx);
  return block !== null && blank(block.signature_verification) && !blank(block.ds_transaction_id);
}

/**
 * The filters of ONE GET /v2/3d query finding the authentications of a page of transactions: several `eq` on
 * authentication.ds_transaction_id, which Verifone ORs. Empty when no transaction needs a lookup.
 */
export function authenticationLookupFilters(transactions: readonly TransactionForLiability[]): Filter[] {
  const ids = new Set<string>();
  for (const tx of transactions) {
    if (needsAuthenticationLookup(tx)) ids.add(String(tx.threed_authentication?.ds_transaction_id).trim());
  }
  return [...ids].map((value) => ({ field: "authentication.ds_transaction_id", op: "eq", value }));
}

/** The authentication among `authentications` that `tx` was paid with, if any. */
export function findMatchingAuthentication<A extends MatchingAuthentication>(
  tx: TransactionForLiability,
  authentications: readonly A[],
): A | undefined {
  return authentications.find((a) => isMatchingAuthentication(tx, a));
}

// Captures, refunds and voids are not paid with 3-D Secure themselves: Verifone gives them no threed_authentication
// block, only a parent_id. Judged on their own block they would all read MERCHANT / NO_3DS, which is wrong — the
// fraud liability of a refund or capture is the original payment's. So a follow-on carries the verdict of the
// payment at the top of its parent_id chain (a refund of a capture of an authorisation: the authorisation's).

/** The fields that tie a capture, refund or void to the transaction it follows. */
export type FollowOnLike = { id?: Field; parent_id?: Field };

/** How many parent_id links are followed before giving up (a refund of a capture of an authorisation is 2). */
export const maxFollowOnChain = 4;

/** The id of the transaction `tx` follows on from (its parent_id), or null for a payment of its own. */
export function originalIdOf(tx: FollowOnLike): string | null {
  return trimmed(tx.parent_id);
}

/** A capture, refund or void: a transaction with a parent. */
export function isFollowOn(tx: FollowOnLike): boolean {
  return originalIdOf(tx) !== null;
}

/**
 * What a transaction's liability is, as the lists show it. `liability` is null only for a follow-on whose original
 * payment could not be found (shown as "—", "see the payment"); `liabilityOf` is the id of the payment whose verdict
 * a follow-on carries (or would carry), null for a payment judged on its own 3-D Secure block.
 */
export type CarriedLiability = { liability: Liability | null; liabilityOf: string | null };

/**
 * The verdict of `tx`: a payment's own (`own`), or, for a follow-on, that of the payment its parent_id chain leads to,
 * found with `byId`. A missing link, a loop or a chain longer than maxFollowOnChain gives no verdict — never NO_3DS.
 */
export function carriedLiability<T extends FollowOnLike>(
  tx: T,
  byId: (id: string) => T | undefined,
  own: (payment: T) => Liability,
): CarriedLiability {
  let current = tx;
  const seen = new Set<string>();
  for (;;) {
    const parent = originalIdOf(current);
    if (parent === null) {
      const liabilityOf = current === tx ? null : trimmed(current.id);
      return { liability: own(current), liabilityOf };
    }
    const next = seen.size < maxFollowOnChain && !seen.has(parent) ? byId(parent) : undefined;
    seen.add(parent);
    if (!next) return { liability: null, liabilityOf: originalIdOf(tx) };
    current = next;
  }
}

/**
 * The ids to read so every follow-on of `txs` can be traced one more link up: parents not among `known` ids.
 * Called once per round (a refund of a capture needs two rounds), until it answers nothing new.
 */
export function originalsToRead(txs: readonly FollowOnLike[], known: ReadonlySet<string>): string[] {
  const ids = new Set<string>();
  for (const tx of txs) {
    const parent = originalIdOf(tx);
    if (parent !== null && !known.has(parent)) ids.add(parent);
  }
  return [...ids];
}

/** The values of the Transactions list's liability filter: the verdict, or UNKNOWN for "see the payment". */
export const liabilityFilterValues = ["ISSUER", "MERCHANT", "UNKNOWN"] as const;
export type LiabilityFilterValue = (typeof liabilityFilterValues)[number];

export function isLiabilityFilterValue(value: unknown): value is LiabilityFilterValue {
  return (liabilityFilterValues as readonly unknown[]).includes(value);
}

/** Whether a row with this verdict is kept by a liability filter of any of `wanted` (none wanted keeps every row). */
export function matchesLiabilityFilter(
  liability: Pick<Liability, "liable"> | null,
  wanted: readonly LiabilityFilterValue[],
): boolean {
  if (wanted.length === 0) return true;
  return wanted.includes(liability ? liability.liable : "UNKNOWN");
}
