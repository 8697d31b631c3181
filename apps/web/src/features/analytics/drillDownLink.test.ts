import { describe, expect, it } from "vitest";
import { decodeListState } from "../authentications/urlState.ts";
import { drillDownLink } from "./drillDownLink.ts";

const period = { from: "2026-11-01", to: "2026-11-30" };
const closest = { period, what: "“not enrolled”", why: "a reason is worked out from several fields" };

describe("drill-down links", () => {
  it("opens the Authentications list with exactly the group's filters", () => {
    const drillDown = [
      { field: "authentication.card_brand", op: "eq" as const, value: "VISA" },
      { field: "created_at", op: "gte" as const, value: "2026-11-01T00:00:00.000Z" },
      { field: "created_at", op: "lte" as const, value: "2026-11-30T23:59:59.999Z" },
      { field: "amount", op: "gte" as const, value: 1000 },
    ];
    const link = drillDownLink({ drillDown }, closest);
    expect(link.note).toBeNull();
    const url = new URL(link.href, "http://x");
    expect(url.pathname).toBe("/authentications");
    expect(decodeListState(url.search).state.filters).toEqual(drillDown);
  });

  it("falls back to the period's list, saying what differs, when the grammar cannot express the group", () => {
    const link = drillDownLink({ drillDown: null }, closest);
    const url = new URL(link.href, "http://x");
    expect(decodeListState(url.search).state.filters).toEqual([
      { field: "created_at", op: "gte", value: "2026-11-01T00:00:00.000Z" },
      { field: "created_at", op: "lte", value: "2026-11-30T23:59:59.999Z" },
    ]);
    expect(link.note).toBe(
      "The list shows every authentication of the period, not only “not enrolled”: a reason is worked out from several fields.",
    );
  });
});
