import type { RouterInputs, RouterOutputs } from "@vbo/api";

/** A row of the list: Verifone's list item (amount a number in major units) plus liability, actions, amount_minor. */
export type TransactionRow = RouterOutputs["transactions"]["list"]["items"][number];
/** One transaction as GET answers it (amount a decimal string) plus liability, actions and its children. */
export type TransactionDetail = RouterOutputs["transactions"]["get"];
/** A capture, refund or void of a transaction, as the list answers it (no liability or actions of its own). */
export type TransactionChild = TransactionDetail["children"][number];
export type TransactionActions = TransactionDetail["actions"];
/** What a refund, capture or void answers: the transaction it created. */
export type MoveResult = RouterOutputs["transactions"]["refund"];

export type RefundInput = RouterInputs["transactions"]["refund"];
export type CaptureInput = RouterInputs["transactions"]["capture"];
export type MoneyMove = "refund" | "capture" | "void";
