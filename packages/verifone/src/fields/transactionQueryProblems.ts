// Everything wrong with a transactions query, as {path, message} for a BAD_REQUEST or a form — checked before
// encodeTransactionsQuery would throw on it. Browser-safe.
import type { TransactionsQuery } from "../query/encodeTransactionsQuery.ts";
import { transactionsDefaultLimit, transactionsMaxLimit } from "../query/encodeTransactionsQuery.ts";
import { filterProblems, type QueryProblem, sortProblems } from "./queryProblems.ts";
import { transactionFields } from "./transactionFields.generated.ts";

export function transactionQueryProblems(query: TransactionsQuery): QueryProblem[] {
  const problems = [
    ...filterProblems(transactionFields, query.filters ?? []),
    ...sortProblems(transactionFields, query.sort ?? []),
  ];
  if ((query.sort?.length ?? 0) > 1) {
    problems.push({ path: ["sort", 1], message: "transactions can be sorted on one field only" });
  }
  const { limit, skip } = query;
  const limitOk = limit === undefined || (Number.isSafeInteger(limit) && limit >= 1 && limit <= transactionsMaxLimit);
  if (!limitOk) {
    problems.push({ path: ["limit"], message: `limit must be a whole number from 1 to ${transactionsMaxLimit}` });
  }
  if (skip !== undefined) {
    const pageSize = limit ?? transactionsDefaultLimit;
    if (!Number.isSafeInteger(skip) || skip < 0) {
      problems.push({ path: ["skip"], message: "skip must be a whole number ≥ 0" });
    } else if (limitOk && skip % pageSize !== 0) {
      // Verifone skips whole pages on this endpoint (see encodeTransactionsQuery).
      problems.push({ path: ["skip"], message: `skip must be a multiple of the page size (${pageSize})` });
    }
  }
  return problems;
}
