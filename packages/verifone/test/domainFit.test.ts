// The generated vendor types must fit domain's structural inputs as they are, so the API can hand a Verifone record
// straight to the rules. If a regenerated spec breaks that, this file stops compiling.
import {
  describeStoredCredential,
  type TransactionForLiability,
  type TransactionLike,
  transactionActions,
  transactionLiability,
} from "@vbo/domain";
import { describe, expect, it } from "vitest";
import type { StoredCredentialBlock, ThreeDSAuthentication, Transaction, TransactionListItem } from "../src/types.ts";

const read: Transaction = {
  id: "t-1",
  amount: "20.00",
  currency_code: "EUR",
  transaction_type: "SALE",
  transaction_status: "SETTLED",
  created_at: "2024-03-01T10:00:00Z",
  card_brand: "VISA",
  threed_authentication: {
    eci_flag: "05",
    enrolled: "Y",
    pares_status: "Y",
    threeds_version: "2.2.0",
    ds_transaction_id: "ds-1",
  },
};
const refund: TransactionListItem = {
  id: "r-1",
  parent_id: "t-1",
  amount: 5,
  currency_code: "EUR",
  transaction_type: "REFUND",
  transaction_status: "SETTLED",
};
const authentication: ThreeDSAuthentication = {
  _id: "a-1",
  created_at: "2024-03-01T09:59:00Z",
  authentication: { ds_transaction_id: "ds-1", signature_verification: "Y", enrolled: "Y", pares_status: "Y" },
} as ThreeDSAuthentication;

describe("generated types fit the domain rules", () => {
  it("transactionActions takes a read and listed children", () => {
    const tx: TransactionLike = read;
    const children: TransactionLike[] = [refund];
    expect(transactionActions(tx, children).refundable).toBe(1_500);
  });

  it("transactionLiability takes a read and a 3DS authentication", () => {
    const tx: TransactionForLiability = read;
    expect(transactionLiability(tx, authentication)).toMatchObject({ liable: "ISSUER", reason: "AUTHENTICATED" });
  });

  it("describeStoredCredential takes a payment's stored_credential block", () => {
    const stored_credential: StoredCredentialBlock = {
      stored_credential_type: "CHARGE",
      processing_model: "RECURRING",
    };
    expect(describeStoredCredential({ ...read, stored_credential })?.initiator).toBe("MIT");
  });
});
