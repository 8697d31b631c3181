import { beforeAll, describe, expect, it } from "vitest";
import type { ThreeDSAuthentication } from "../src/threeds/types.ts";
import { byDefaultOrder, ids, useSandbox } from "./harness.ts";

/** Every expectation is computed here from the full record set, independently of the sandbox's own code. */
const h = useSandbox({ seed: 7, authentications: 2100 });
let all: ThreeDSAuthentication[] = [];
const where = (test: (r: ThreeDSAuthentication) => boolean) => all.filter(test).sort(byDefaultOrder);

beforeAll(async () => {
  all = await h.list("?_limit=10000");
});

describe("GET /v2/3d default paging and order", () => {
  it("returns every record when _limit allows, newest first with ties broken by _id", () => {
    expect(all).toHaveLength(2100);
    expect(ids(all)).toEqual(ids([...all].sort(byDefaultOrder)));
  });

  it("answers 2000 records when no _limit is given", async () => {
    const page = await h.list("");
    expect(page).toHaveLength(2000);
    expect(ids(page)).toEqual(ids(all.slice(0, 2000)));
  });

  it("counts _skip in records, not pages", async () => {
    expect(ids(await h.list("?_skip=5&_limit=10"))).toEqual(ids(all.slice(5, 15)));
    expect(ids(await h.list("?_skip=2095&_limit=50"))).toEqual(ids(all.slice(2095)));
    expect(await h.list("?_skip=5000")).toEqual([]);
  });

  it("accepts the _limit bounds 1 and 10000", async () => {
    expect(ids(await h.list("?_limit=1"))).toEqual(ids(all.slice(0, 1)));
    expect(await h.list("?_limit=10000")).toHaveLength(2100);
  });
});

describe("filter operators", () => {
  it("= matches exactly", async () => {
    const expected = where((r) => r.currency_code === "EUR");
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await h.list("?currency_code=EUR&_limit=10000"))).toEqual(ids(expected));
  });

  it("repeated = on one field means OR", async () => {
    const expected = where((r) => ["Y", "A"].includes(r.authentication.pares_status ?? ""));
    const got = await h.list("?authentication.pares_status=Y&authentication.pares_status=A&_limit=10000");
    expect(ids(got)).toEqual(ids(expected));
    expect(new Set(got.map((r) => r.authentication.pares_status))).toEqual(new Set(["Y", "A"]));
  });

  it("!= excludes a value and keeps records where the field is missing", async () => {
    const expected = where((r) => r.authentication.pares_status !== "Y");
    const got = await h.list("?authentication.pares_status!=Y&_limit=10000");
    expect(ids(got)).toEqual(ids(expected));
    expect(got.some((r) => r.authentication.pares_status === undefined)).toBe(true);
  });

  it("two != on one field exclude both (AND)", async () => {
    const expected = where((r) => r.currency_code !== "EUR" && r.currency_code !== "USD");
    expect(ids(await h.list("?currency_code!=EUR&currency_code!=USD&_limit=10000"))).toEqual(ids(expected));
  });

  it(">= and <= on amount form an inclusive numeric range", async () => {
    const amounts = all.map((r) => r.amount).sort((a, b) => a - b);
    const lo = amounts[500] as number;
    const hi = amounts[900] as number;
    const expected = where((r) => r.amount >= lo && r.amount <= hi);
    const got = await h.list(`?amount>=${lo}&amount<=${hi}&_limit=10000`);
    expect(ids(got)).toEqual(ids(expected));
    expect(got.some((r) => r.amount === lo) && got.some((r) => r.amount === hi)).toBe(true);
  });

  it("compares amount as a number, not as text", async () => {
    const expected = where((r) => r.amount >= 9);
    expect(ids(await h.list("?amount>=9&_limit=10000"))).toEqual(ids(expected));
    const one = all[0] as ThreeDSAuthentication;
    expect(ids(await h.list(`?amount=${one.amount}.00&_limit=10000`))).toEqual(
      ids(where((r) => r.amount === one.amount)),
    );
  });

  it("~ is a case-insensitive substring match on literal text", async () => {
    const expected = where((r) => (r.authentication.card_brand ?? "").toLowerCase().includes("card"));
    const got = await h.list("?authentication.card_brand~=Card&_limit=10000");
    expect(ids(got)).toEqual(ids(expected));
    expect(new Set(got.map((r) => r.authentication.card_brand))).toEqual(new Set(["MASTERCARD"]));
    expect(await h.list("?transaction_id~=.&_limit=10000")).toEqual([]); // "." is not a wildcard
  });

  it("filters on nested authentication fields and top-level fields together (AND)", async () => {
    const expected = where(
      (r) =>
        r.authentication.enrolled === "Y" && r.currency_code !== "EUR" && r.authentication.threeds_version === "2.2.0",
    );
    const got = await h.list(
      "?authentication.enrolled=Y&currency_code!=EUR&authentication.threeds_version=2.2.0&_limit=10000",
    );
    expect(ids(got)).toEqual(ids(expected));
  });

  it("finds one record by _id and an OR of ds_transaction_ids", async () => {
    const [a, b] = all.filter((r) => r.authentication.ds_transaction_id);
    expect(ids(await h.list(`?_id=${a?._id}`))).toEqual([a?._id]);
    const got = await h.list(
      `?authentication.ds_transaction_id=${a?.authentication.ds_transaction_id}&authentication.ds_transaction_id=${b?.authentication.ds_transaction_id}`,
    );
    expect(new Set(ids(got))).toEqual(new Set([a?._id, b?._id]));
  });

  it("= and ~ on fields a record never carries match nothing; != matches everything", async () => {
    expect(await h.list("?encrypted_card=abc")).toEqual([]);
    expect(await h.list("?public_key_alias~=key")).toEqual([]);
    expect(await h.list("?public_key_alias!=key&_limit=10000")).toHaveLength(2100);
  });
});

describe("percent-encoded keys", () => {
  it("reads amount%3E= as amount>=, %3C as <=, %21 as !=, %7E as ~", async () => {
    const amounts = all.map((r) => r.amount).sort((a, b) => a - b);
    const mid = amounts[1000] as number;
    expect(ids(await h.list(`?amount%3E=${mid}&_limit=10000`))).toEqual(
      ids(await h.list(`?amount>=${mid}&_limit=10000`)),
    );
    expect(ids(await h.list(`?amount%3C=${mid}&_limit=10000`))).toEqual(ids(where((r) => r.amount <= mid)));
    expect(ids(await h.list("?authentication.pares_status%21=Y&_limit=10000"))).toEqual(
      ids(where((r) => r.authentication.pares_status !== "Y")),
    );
    expect(ids(await h.list("?authentication.card_brand%7E=visa&_limit=10000"))).toEqual(
      ids(where((r) => r.authentication.card_brand === "VISA")),
    );
  });

  it("decodes encoded field names and values", async () => {
    const expected = where((r) => r.authentication.pares_status === "Y");
    expect(ids(await h.list("?authentication%2Epares%5Fstatus=%59&_limit=10000"))).toEqual(ids(expected));
  });
});

describe("created_at bounds", () => {
  const day = (r: ThreeDSAuthentication) => r.created_at.slice(0, 10);

  it("a date-only <= includes that whole UTC day, >= starts at its midnight", async () => {
    const sample = all.find((r) => !r.created_at.endsWith("T00:00:00.000Z")) as ThreeDSAuthentication;
    const d = day(sample);
    const upTo = await h.list(`?created_at<=${d}&_limit=10000`);
    expect(ids(upTo)).toEqual(ids(where((r) => day(r) <= d)));
    expect(ids(upTo)).toContain(sample._id);
    expect(ids(await h.list(`?created_at>=${d}&_limit=10000`))).toEqual(ids(where((r) => day(r) >= d)));
  });

  it("a date-only = means within that day, != outside it", async () => {
    const d = day(all[100] as ThreeDSAuthentication);
    expect(ids(await h.list(`?created_at=${d}&_limit=10000`))).toEqual(ids(where((r) => day(r) === d)));
    expect(ids(await h.list(`?created_at!=${d}&_limit=10000`))).toEqual(ids(where((r) => day(r) !== d)));
  });

  it("a date-time bound compares the instant, offsets included", async () => {
    const sample = all[700] as ThreeDSAuthentication;
    const t = Date.parse(sample.created_at);
    expect(ids(await h.list(`?created_at>=${sample.created_at}&_limit=10000`))).toEqual(
      ids(where((r) => Date.parse(r.created_at) >= t)),
    );
    const shifted = new Date(t + 2 * 3600_000).toISOString().replace("Z", "+02:00"); // same instant
    expect(ids(await h.list(`?created_at<=${encodeURIComponent(shifted)}&_limit=10000`))).toEqual(
      ids(where((r) => Date.parse(r.created_at) <= t)),
    );
  });
});

describe("_sort", () => {
  const cmp = (a: string | number | undefined, b: string | number | undefined) =>
    a === b ? 0 : a === undefined ? -1 : b === undefined ? 1 : a < b ? -1 : 1;

  it("sorts on several keys in order, ascending and descending, ties on _id", async () => {
    const expected = [...all].sort(
      (a, b) =>
        cmp(a.authentication.card_brand, b.authentication.card_brand) || -cmp(a.amount, b.amount) || cmp(a._id, b._id),
    );
    const got = await h.list("?_sort=authentication.card_brand&_sort=-amount&_limit=10000");
    expect(ids(got)).toEqual(ids(expected));
  });

  it("puts missing values first ascending and last descending", async () => {
    const asc = await h.list("?_sort=authentication.pares_status&_limit=10000");
    const desc = await h.list("?_sort=-authentication.pares_status&_limit=10000");
    expect(asc[0]?.authentication.pares_status).toBeUndefined();
    expect(desc[desc.length - 1]?.authentication.pares_status).toBeUndefined();
    expect(ids(desc)).toEqual(
      ids(
        [...all].sort(
          (a, b) => -cmp(a.authentication.pares_status, b.authentication.pares_status) || cmp(a._id, b._id),
        ),
      ),
    );
  });

  it("sorts amount numerically and pages through the sorted matches", async () => {
    const expected = where((r) => r.currency_code === "EUR").sort((a, b) => a.amount - b.amount || cmp(a._id, b._id));
    expect(ids(await h.list("?currency_code=EUR&_sort=amount&_skip=10&_limit=20"))).toEqual(
      ids(expected.slice(10, 30)),
    );
  });

  it("sorts created_at ascending when asked", async () => {
    const got = await h.list("?_sort=created_at&_limit=5");
    const oldestFirst = [...all].sort(
      (a, b) => Date.parse(a.created_at) - Date.parse(b.created_at) || cmp(a._id, b._id),
    );
    expect(ids(got)).toEqual(ids(oldestFirst.slice(0, 5)));
  });
});

describe("GET /v2/3d/count", () => {
  it("counts all records, or the filtered ones", async () => {
    expect(await h.getJson("/v2/3d/count")).toEqual({ count: 2100 });
    const expected = where((r) => r.authentication.enrolled === "Y" && r.amount >= 1000).length;
    expect(await h.getJson("/v2/3d/count?authentication.enrolled=Y&amount%3E=1000")).toEqual({ count: expected });
  });
});
