import { describe, expect, it } from "vitest";
import { splitTransactionFilters, transactionsListCodec } from "./listQuery.ts";

const { decodeListState, encodeListState } = transactionsListCodec;

describe("the transactions list in the URL", () => {
  it("round-trips filters, the one sort and the page", () => {
    const state = {
      filters: [
        { field: "transaction_type", op: "eq" as const, value: "SALE" },
        { field: "amount", op: "eq" as const, value: 12.5 },
      ],
      sort: [{ field: "created_at" }],
      limit: 100,
      skip: 300,
    };
    const decoded = decodeListState(encodeListState(state));
    expect(decoded.problems).toEqual([]);
    expect(decoded.state).toEqual(state);
  });

  it("keeps newest first as the default and leaves it out of the link", () => {
    const { state } = decodeListState("");
    expect(state.sort).toEqual([{ field: "created_at", desc: true }]);
    expect(encodeListState(state)).toBe("limit=50&skip=0");
  });

  it("pages by whole pages: a skip between pages goes back to the page start and says so", () => {
    const { state, problems } = decodeListState("?limit=50&skip=75");
    expect(state.skip).toBe(50);
    expect(problems).toEqual([expect.objectContaining({ param: "skip", value: "75" })]);
    expect(problems[0]?.message).toMatch(/multiple of the page size \(50\)/);
  });

  it("refuses a second sort key, a field that cannot be sorted, and pages above 1,000", () => {
    const { state, problems } = decodeListState("?sort=created_at&sort=-created_at&limit=2000");
    expect(state.sort).toEqual([{ field: "created_at" }]);
    expect(state.limit).toBe(50);
    expect(problems.map((p) => p.param)).toEqual(["sort", "limit"]);
    const amountSort = decodeListState("?sort=amount");
    expect(amountSort.problems[0]?.message).toMatch(/cannot sort on "amount"/);
  });
});

describe("which filters can be sent", () => {
  const created = (op: "gte" | "lte", value: string) => ({ field: "created_at", op, value });

  it("applies eq filters and a created range of up to a month", () => {
    const filters = [
      { field: "transaction_status", op: "eq" as const, value: "SETTLED" },
      created("gte", "2024-05-01T00:00:00.000Z"),
      created("lte", "2024-05-31T23:59:59.999Z"),
    ];
    const { problems, applied } = splitTransactionFilters(filters);
    expect(problems.size).toBe(0);
    expect(applied).toEqual(filters);
  });

  it("holds back a created range longer than a month, naming Verifone's limit, on both bounds", () => {
    const filters = [
      created("gte", "2024-05-01"),
      created("lte", "2024-06-01"),
      { field: "id", op: "eq" as const, value: "x" },
    ];
    const { problems, applied, appliedIndex } = splitTransactionFilters(filters);
    expect(problems.get(0)).toMatch(/at most one month/);
    expect(problems.get(1)).toMatch(/at most one month/);
    expect(applied).toEqual([{ field: "id", op: "eq", value: "x" }]);
    expect(appliedIndex).toEqual([2]);
  });

  it("refuses operators the transactions grammar lacks, unknown fields, and a second bound of one kind", () => {
    const { problems } = splitTransactionFilters([
      { field: "amount", op: "gte", value: 10 },
      { field: "colour", op: "eq", value: "red" },
      created("gte", "2024-05-01"),
      created("gte", "2024-05-02"),
      { field: "merchant_reference", op: "eq", value: "x".repeat(51) },
    ]);
    expect(problems.get(0)).toMatch(/does not take the operator "gte"/);
    expect(problems.get(1)).toMatch(/unknown filter field "colour"/);
    expect(problems.has(2)).toBe(false);
    expect(problems.get(3)).toMatch(/one gte/);
    expect(problems.get(4)).toMatch(/longer than 50/);
  });
});
