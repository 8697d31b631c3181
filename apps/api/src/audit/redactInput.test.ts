import { describe, expect, it } from "vitest";
import { redactInput } from "./redactInput.ts";

describe("redactInput", () => {
  it("removes passwords and card secrets at any depth", () => {
    expect(redactInput({ email: "a@b.c", password: "hunter2hunter2" })).toEqual({
      email: "a@b.c",
      password: "[removed]",
    });
    expect(redactInput({ card: { encrypted_card: "xyz", cvv: "123", expiry_month: 4 } })).toEqual({
      card: { encrypted_card: "[removed]", cvv: "[removed]", expiry_month: 4 },
    });
  });

  it("removes passwords being changed and second-factor codes", () => {
    expect(redactInput({ current: "old-password-1", next: "new-password-22" })).toEqual({
      current: "[removed]",
      next: "[removed]",
    });
    expect(redactInput({ totp: "123456" })).toEqual({ totp: "[removed]" });
    expect(redactInput({ code: "123456" })).toEqual({ code: "[removed]" });
    expect(redactInput({ recoveryCode: "aaaa-bbbb-cccc" })).toEqual({ recoveryCode: "[removed]" });
  });

  it("removes card numbers written into free text", () => {
    expect(redactInput({ reason: "customer read 4111 1111 1111 1111 over the phone" })).toEqual({
      reason: "customer read [card number removed] over the phone",
    });
    expect(redactInput("5555-5555-5555-4444")).toBe("[card number removed]");
  });

  it("keeps ordinary ids and amounts", () => {
    const input = { id: "d0c1e8a2-5b7f-4a57-9a53-0a3c0f1e2d3b", amount: 1250, idempotencyKey: "k" };
    expect(redactInput(input)).toEqual(input);
  });
});

describe("redactInput bounds what the audit keeps", () => {
  it("keeps the first keys of a huge object and says how much it had", () => {
    const huge = { email: "a@b.c", ...Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])) };
    const kept = redactInput(huge) as Record<string, unknown>;
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(3_100);
    expect(kept.email).toBe("a@b.c");
    expect(kept["[cut]"]).toMatchObject({ keys: 5_001, note: "input cut to what the audit keeps" });
  });

  it("cuts a long list or text instead of storing it whole", () => {
    const kept = redactInput({ ids: Array.from({ length: 100 }, () => "x".repeat(100)) });
    expect(JSON.stringify(kept).length).toBeLessThanOrEqual(3_100);
    expect(kept).toHaveProperty("[cut]");
  });
});
