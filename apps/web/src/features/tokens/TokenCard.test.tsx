import { describe, expect, it } from "vitest";
import { renderStatic } from "../../test/renderStatic.tsx";
import { TokenCard } from "./TokenCard.tsx";
import type { TokenView } from "./tokenTypes.ts";

const token = (over: Partial<TokenView> = {}) =>
  ({
    reuse_token: "Exp9yHt2YKn053sw",
    token_status: "ACTIVE",
    brand: "VISA",
    bin: "476173",
    last_four: "9205",
    expiry_month: 12,
    expiry_year: 2030,
    token_expiry_date: "2026-11-30",
    ...over,
  }) as TokenView;

describe("TokenCard", () => {
  it("flags a token whose own expiry date has passed", () => {
    const html = renderStatic(<TokenCard token={token()} today={new Date("2026-12-01T09:00:00Z")} />);
    expect(html).toContain('data-testid="token-expired-flag"');
    expect(html).toContain("Token expired");
  });

  it("does not flag a token still valid", () => {
    const html = renderStatic(<TokenCard token={token()} today={new Date("2026-11-30T09:00:00Z")} />);
    expect(html).not.toContain("token-expired-flag");
  });
});
