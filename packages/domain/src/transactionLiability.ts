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
