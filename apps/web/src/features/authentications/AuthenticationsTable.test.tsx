import { describe, expect, it } from "vitest";
import { count, renderStatic, textOf } from "../../test/renderStatic.tsx";
import { AuthenticationsTable, virtualizeAbove } from "./AuthenticationsTable.tsx";
import type { AuthenticationView } from "./types.ts";

function rows(n: number): AuthenticationView[] {
  return Array.from({ length: n }, (_, i) => ({
    _id: `auth-${i}`,
    amount: 1250 + i,
    currency_code: i % 2 ? "EUR" : "JPY",
    created_at: "2024-05-01T10:00:00.000Z",
    transaction_id: `tx-${i}`,
    authentication: {
      card_brand: "VISA",
      pares_status: "Y",
      eci_flag: "05",
      threeds_version: "2.2.0",
      enrolled: "Y",
      signature_verification: "Y",
    },
    liability: { liable: "ISSUER", reason: "AUTHENTICATED", eci: "FULL" },
  }));
}

const table = (data: AuthenticationView[], sort = [{ field: "created_at", desc: true }]) =>
  renderStatic(
    <AuthenticationsTable
      rows={data}
      sort={sort}
      onSortChange={() => {}}
      columnVisibility={{}}
      onOpen={() => {}}
      pageKey="k"
    />,
  );

describe("AuthenticationsTable", () => {
  it("renders every row of a normal page", () => {
    expect(count(table(rows(50)), 'data-testid="auth-row"')).toBe(50);
  });

  it("keeps at most ~100 row elements in the DOM for a 2,000-row page (virtualised)", () => {
    const html = table(rows(2000));
    const rendered = count(html, 'data-testid="auth-row"');
    expect(rendered).toBeGreaterThan(0);
    expect(rendered).toBeLessThanOrEqual(virtualizeAbove);
    // The rows not rendered still take their height, so the scrollbar is that of 2,000 rows.
    expect(html).toMatch(/<td colspan="\d+" style="height:\d{5,}px/i);
  });

  it("formats amounts in their currency's exponent and shows the liability badge", () => {
    const text = textOf(table(rows(2)));
    expect(text).toContain("1,250 JPY");
    expect(text).toContain("12.51 EUR");
    expect(count(table(rows(2)), 'data-testid="liability-badge"')).toBe(2);
  });

  it("shows Created in the staff member's zone, named in the header, the exact instant on hover", () => {
    const html = renderStatic(
      <AuthenticationsTable
        rows={rows(1)}
        sort={[]}
        onSortChange={() => {}}
        columnVisibility={{}}
        onOpen={() => {}}
        pageKey="k"
      />,
      "America/New_York",
    );
    expect(html).toMatch(/aria-label="Created \(America\/New_York\)"/);
    // Shown smaller, free to wrap after the "/" so a long zone name does not widen the column.
    expect(html).toMatch(/>Created <span[^>]*>\(America\/<wbr\/>New_York\)<\/span>/);
    expect(html).toContain(
      '<time dateTime="2024-05-01T10:00:00.000Z" title="2024-05-01T10:00:00.000Z — shown in America/New_York">1 May 2024, 06:00:00</time>',
    );
  });

  it("makes sortable headers buttons named by the column label, numbered when several sorts apply", () => {
    const single = table(rows(1));
    expect(single).toMatch(/<button[^>]*aria-label="Created \(UTC\)"/);
    expect(single).toMatch(/<button[^>]*aria-label="ParesStatus"/);
    expect(single).not.toMatch(/<button[^>]*aria-label="Liability"/);
    expect(single).toMatch(/aria-sort="descending"/);
    const multi = table(rows(1), [
      { field: "amount", desc: false },
      { field: "created_at", desc: true },
    ]);
    expect(multi).toMatch(/aria-label="Amount"[^>]*>Amount<svg[\s\S]*?<\/svg><span[^>]*>1<\/span>/);
    expect(multi).toMatch(
      /aria-label="Created \(UTC\)"[^>]*><span[^>]*>Created <span[^>]*>\(UTC\)<\/span><\/span><svg[\s\S]*?<\/svg><span[^>]*>2<\/span>/,
    );
  });
});
