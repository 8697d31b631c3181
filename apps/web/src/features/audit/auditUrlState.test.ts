import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AuditState,
  auditExportHref,
  auditListInput,
  auditOutcomes,
  decodeAuditState,
  defaultAuditState,
  encodeAuditState,
  maxAuditLimit,
} from "./auditUrlState.ts";

const text = fc.string({ maxLength: 40 }).map((s) => s.trim());
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) })
  .map((ms) => new Date(ms).toISOString());
const auditState: fc.Arbitrary<AuditState> = fc
  .record({
    actor: text,
    action: text,
    target: text,
    outcome: fc.constantFrom(null, ...auditOutcomes),
    from: fc.option(instant, { nil: null }),
    to: fc.option(instant, { nil: null }),
    limit: fc.integer({ min: 1, max: maxAuditLimit }),
    skip: fc.integer({ min: 0, max: 1_000_000 }),
  })
  .map((s) => (s.from && s.to && s.from > s.to ? { ...s, from: s.to, to: s.from } : s));

describe("audit view in the URL", () => {
  it("round-trips every view through the search string, with nothing to complain about", () => {
    fc.assert(
      fc.property(auditState, (state) => {
        expect(decodeAuditState(encodeAuditState(state))).toEqual({ state, problems: [] });
      }),
    );
  });

  it("reads a hand-written link", () => {
    const { state, problems } = decodeAuditState(
      "?actor=admin%40demo.test&action=users.disable&outcome=refused&from=2025-01-01T00:00:00Z&to=2025-01-31T23:59:59.999Z&limit=100&skip=200",
    );
    expect(problems).toEqual([]);
    expect(state).toEqual({
      actor: "admin@demo.test",
      action: "users.disable",
      target: "",
      outcome: "refused",
      from: "2025-01-01T00:00:00Z",
      to: "2025-01-31T23:59:59.999Z",
      limit: 100,
      skip: 200,
    });
  });

  it("leaves the defaults out of the link", () => {
    expect(encodeAuditState(defaultAuditState)).toBe("");
    expect(decodeAuditState("")).toEqual({ state: defaultAuditState, problems: [] });
  });

  it("reports each unreadable param by name and ignores it, never throwing", () => {
    const { state, problems } = decodeAuditState(
      "?outcome=maybe&from=yesterday&to=2025-13-45T00:00:00Z&limit=5000&skip=-1",
    );
    expect(state).toEqual(defaultAuditState);
    expect(problems.map((p) => p.param)).toEqual(["outcome", "from", "to", "limit", "skip"]);
    expect(problems[0]?.message).toBe("use one of success, failure, refused");
  });

  it("drops a `to` before `from`, as the API would refuse it", () => {
    const { state, problems } = decodeAuditState("?from=2025-02-01T00:00:00Z&to=2025-01-01T00:00:00Z");
    expect(state.from).toBe("2025-02-01T00:00:00Z");
    expect(state.to).toBeNull();
    expect(problems).toEqual([{ param: "to", value: "2025-01-01T00:00:00Z", message: "to must not be before from" }]);
  });

  it("sends the API only the filters that are set", () => {
    expect(auditListInput({ ...defaultAuditState, actor: "ops@demo.test", outcome: "failure" })).toEqual({
      actor: "ops@demo.test",
      outcome: "failure",
      limit: 50,
      skip: 0,
    });
  });

  it("exports the same filters as the view, without the paging", () => {
    const state: AuditState = {
      ...defaultAuditState,
      actor: "admin@demo.test",
      action: "users.create",
      from: "2025-01-01T00:00:00.000Z",
      skip: 100,
    };
    const href = auditExportHref(state);
    expect(href).toBe(
      "/export/audit.csv?actor=admin%40demo.test&action=users.create&from=2025-01-01T00%3A00%3A00.000Z",
    );
    const exported = decodeAuditState(new URL(href, "http://x").search).state;
    expect(exported).toEqual({ ...state, skip: 0 });
    expect(auditExportHref(defaultAuditState)).toBe("/export/audit.csv");
  });
});
