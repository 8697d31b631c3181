import { describe, expect, it } from "vitest";
import { count, renderStatic, textOf } from "../test/renderStatic.tsx";
import { LiabilityBadge } from "./LiabilityBadge.tsx";

describe("LiabilityBadge", () => {
  it("says who is liable in words, with an icon, not by colour alone", () => {
    const issuer = renderStatic(<LiabilityBadge liability={{ liable: "ISSUER", reason: "AUTHENTICATED" }} />);
    const merchant = renderStatic(<LiabilityBadge liability={{ liable: "MERCHANT", reason: "NOT_ENROLLED" }} />);
    expect(textOf(issuer)).toBe("Issuer");
    expect(textOf(merchant)).toBe("Merchant");
    expect(count(issuer, "<svg")).toBe(1);
    expect(count(merchant, "<svg")).toBe(1);
    expect(issuer).toContain('data-testid="liability-badge"');
    expect(issuer).toContain('data-liable="ISSUER"');
  });

  it("carries the reason sentence for assistive technology (and the hover tooltip)", () => {
    const html = renderStatic(<LiabilityBadge liability={{ liable: "MERCHANT", reason: "NOT_ENROLLED" }} />);
    expect(html).toMatch(/aria-description="The card&#x27;s issuer does not take part in 3-D Secure/);
  });

  it("falls back to the reason code when the domain has no sentence for it", () => {
    const html = renderStatic(<LiabilityBadge liability={{ liable: "MERCHANT", reason: "SOMETHING_NEW" }} />);
    expect(html).toContain('aria-description="SOMETHING_NEW"');
  });
});

describe("LiabilityBadge of a capture, refund or void", () => {
  it("says the verdict is the original payment's", () => {
    const html = renderStatic(<LiabilityBadge liability={{ liable: "ISSUER", reason: "AUTHENTICATED" }} carried />);
    expect(textOf(html)).toBe("Issuer");
    expect(html).toContain('data-carried="true"');
    expect(html).toMatch(/aria-description="The original payment&#x27;s verdict: The cardholder was successfully/);
  });
});
