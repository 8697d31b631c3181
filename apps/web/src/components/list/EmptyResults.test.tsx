import type { Filter } from "@vbo/verifone/fields";
import { describe, expect, it } from "vitest";
import { count, renderStatic, textOf } from "../../test/renderStatic.tsx";
import { EmptyResults } from "./EmptyResults.tsx";

const noop = () => {};
const authentications = {
  noun: "authentications",
  noneAtAll: "Verifone has no 3-D Secure authentications for this account.",
};

describe("EmptyResults", () => {
  it("names the filters that exclude everything, each removable, with clear all", () => {
    const filters: Filter[] = [
      { field: "authentication.pares_status", op: "eq", value: "R" },
      { field: "currency_code", op: "eq", value: "BHD" },
      { field: "amount", op: "gte", value: 5000 },
    ];
    const html = renderStatic(
      <EmptyResults filters={filters} onRemove={noop} onClearAll={noop} {...authentications} />,
    );
    expect(html).toContain('data-testid="empty-state"');
    expect(textOf(html)).toContain("No authentications match: ParesStatus = R, Currency = BHD, Amount ≥ 5000");
    expect(count(html, 'data-testid="empty-filter-chip"')).toBe(3);
    expect(html).toContain('aria-label="Remove filter ParesStatus = R"');
    expect(html).toContain('aria-label="Remove filter Currency = BHD"');
    expect(textOf(html)).toContain("Clear all");
  });

  it("says there is nothing at all when no filter is set", () => {
    const html = renderStatic(<EmptyResults filters={[]} onRemove={noop} onClearAll={noop} {...authentications} />);
    expect(textOf(html)).toContain("No authentications yet");
    expect(count(html, 'data-testid="empty-filter-chip"')).toBe(0);
  });
});
