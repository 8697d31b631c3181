export type { TransactionsQuery } from "../query/encodeTransactionsQuery.ts";
export { transactionsDefaultLimit, transactionsMaxLimit } from "../query/encodeTransactionsQuery.ts";
export { authenticationFields } from "./authenticationFields.generated.ts";
export type { FieldSpec, Filter, FilterOp, Sort } from "./fieldSpec.ts";
export { filterOps, opSymbols } from "./fieldSpec.ts";
export type { QueryProblem } from "./queryProblems.ts";
export { filterProblems, maxFilterValueLength, sortProblems } from "./queryProblems.ts";
export { transactionFields } from "./transactionFields.generated.ts";
export { transactionQueryProblems } from "./transactionQueryProblems.ts";
