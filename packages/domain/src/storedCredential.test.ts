import { describe, expect, it } from "vitest";
import { describeStoredCredential } from "./storedCredential.ts";

describe("describeStoredCredential", () => {
  it("is null without a block, or with a block that says nothing", () => {
    expect(describeStoredCredential({})).toBeNull();
    expect(describeStoredCredential({ stored_credential: null })).toBeNull();
    expect(describeStoredCredential({ stored_credential: {} })).toBeNull();
    expect(describeStoredCredential({ stored_credential: { stored_credential_type: " " } })).toBeNull();
  });

  it("describes a recurring charge as merchant-initiated, with its references and token", () => {
    expect(
      describeStoredCredential({
        shopper_interaction: "ecommerce",
        stored_credential: {
          stored_credential_type: "CHARGE",
          processing_model: "RECURRING",
          reference: "vf-ref-1",
          scheme_reference: "170320243e5baa3a",
        },
        token_details: { reuse_token: "VFrandom54965984" },
      }),
    ).toEqual({
      kind: "CHARGE",
      kindLabel: "Charge",
      processingModel: "RECURRING",
      processingModelLabel: "Recurring",
      initiator: "MIT",
      initiatorLabel: "Merchant-initiated (MIT)",
      schemeReference: "170320243e5baa3a",
      reference: "vf-ref-1",
      reuseToken: "VFrandom54965984",
      summary: "Charge · Recurring · Merchant-initiated (MIT)",
    });
  });

  it.each([
    ["CREDENTIAL_ON_FILE", "CIT"],
    ["UNSCHEDULED_CREDENTIAL_ON_FILE", "MIT"],
    ["RECURRING", "MIT"],
    ["REAUTHORIZATION", "MIT"],
    ["NONE", null],
  ])("a charge with %s is %s", (processing_model, initiator) => {
    const description = describeStoredCredential({
      stored_credential: { stored_credential_type: "CHARGE", processing_model },
    });
    expect(description?.initiator).toBe(initiator);
  });

  it("a sign-up is cardholder-initiated, except a mail or telephone order (Virtual Terminal)", () => {
    const signUp = (shopper_interaction?: string) =>
      describeStoredCredential({
        shopper_interaction,
        stored_credential: { stored_credential_type: "SIGNUP", processing_model: "NONE" },
      });
    expect(signUp("ecommerce")).toMatchObject({
      kindLabel: "Sign-up",
      initiator: "CIT",
      summary: "Sign-up · None · Cardholder-initiated (CIT)",
    });
    expect(signUp(undefined)?.initiator).toBe("CIT");
    expect(signUp("mail_order")?.initiator).toBe("MIT");
    expect(signUp("TELEPHONE")?.initiator).toBe("MIT");
    expect(signUp("moto")?.initiator).toBe("MIT");
  });

  it("reads the type and model however they are spelled, and from the older places", () => {
    expect(describeStoredCredential({ stored_credential: { stored_credential_type: "Sign-up" } })?.kind).toBe("SIGNUP");
    expect(describeStoredCredential({ stored_credential: { stored_credential_type: "sign_up" } })?.kind).toBe("SIGNUP");
    expect(
      describeStoredCredential({
        stored_credential: { stored_credential_type: "charge", details: "credential_on_file" },
      }),
    ).toMatchObject({ processingModel: "CREDENTIAL_ON_FILE", initiator: "CIT" });
    expect(
      describeStoredCredential({
        stored_credential: {
          stored_credential_type: "CHARGE",
          processing_model_details: { processing_model: "RECURRING" },
        },
      })?.processingModelLabel,
    ).toBe("Recurring");
  });

  it("an unknown type or model is shown as what is known", () => {
    const description = describeStoredCredential({
      stored_credential: { stored_credential_type: "SOMETHING", processing_model: "WEEKLY", scheme_reference: "s-1" },
    });
    expect(description).toMatchObject({
      kind: null,
      kindLabel: "Stored credential",
      processingModel: null,
      initiator: null,
      schemeReference: "s-1",
      summary: "Stored credential",
    });
  });
});
