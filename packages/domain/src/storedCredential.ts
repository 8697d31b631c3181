// A payment's stored-credential block, described for people (Verifone's "Stored Credentials" guide).
//
// - stored_credential_type: SIGNUP (the initial transaction that stores the card) or CHARGE (a later one using it).
// - processing_model: RECURRING, CREDENTIAL_ON_FILE, UNSCHEDULED_CREDENTIAL_ON_FILE, REAUTHORIZATION or NONE
//   (older answers put it in the deprecated `details`; a request echo has it under processing_model_details).
// - Who initiated it is not a field; the guide's table implies it:
//     Charge + CREDENTIAL_ON_FILE → CIT (the cardholder pays with a stored card, "one-click");
//     Charge + RECURRING, UNSCHEDULED_CREDENTIAL_ON_FILE or REAUTHORIZATION → MIT (the merchant charges);
//     Sign-up → CIT, except a MO/TO sign-up (mail or telephone order, through the Virtual Terminal) → MIT.
// - scheme_reference: the card scheme's reference, needed to chain later charges; `reference` is Verifone's own.
// Note: the spec's transaction-read schemas do not list stored_credential (only payment answers do), so a
// transaction without it simply has no description.

type Field = string | null | undefined;

export type StoredCredentialInput = {
  shopper_interaction?: Field;
  stored_credential?: {
    stored_credential_type?: Field;
    processing_model?: Field;
    details?: Field;
    processing_model_details?: { processing_model?: Field } | null;
    reference?: Field;
    scheme_reference?: Field;
  } | null;
  token_details?: { reuse_token?: Field } | null;
};

export type StoredCredentialKind = "SIGNUP" | "CHARGE";
export type ProcessingModel =
  | "RECURRING"
  | "CREDENTIAL_ON_FILE"
  | "UNSCHEDULED_CREDENTIAL_ON_FILE"
  | "REAUTHORIZATION"
  | "NONE";
export type Initiator = "CIT" | "MIT";

export type StoredCredentialDescription = {
  kind: StoredCredentialKind | null;
  /** "Sign-up", "Charge", or "Stored credential" when the type is missing. */
  kindLabel: string;
  processingModel: ProcessingModel | null;
  processingModelLabel: string | null;
  initiator: Initiator | null;
  initiatorLabel: string | null;
  schemeReference: string | null;
  /** Verifone's Stored Credential Reference. */
  reference: string | null;
  reuseToken: string | null;
  /** One line, e.g. "Charge · Recurring · Merchant-initiated (MIT)". */
  summary: string;
};

const modelLabels: Record<ProcessingModel, string> = {
  RECURRING: "Recurring",
  CREDENTIAL_ON_FILE: "Credential on file",
  UNSCHEDULED_CREDENTIAL_ON_FILE: "Unscheduled credential on file",
  REAUTHORIZATION: "Re-authorisation",
  NONE: "None",
};

const initiatorLabels: Record<Initiator, string> = {
  CIT: "Cardholder-initiated (CIT)",
  MIT: "Merchant-initiated (MIT)",
};

const text = (value: Field): string | null => {
  const trimmed = value === null || value === undefined ? "" : String(value).trim();
  return trimmed === "" ? null : trimmed;
};
const code = (value: Field) =>
  text(value)
    ?.toUpperCase()
    .replace(/[\s-]+/g, "_") ?? null;

function kindOf(value: Field): StoredCredentialKind | null {
  const normalized = code(value)?.replace(/_/g, "");
  if (normalized === "SIGNUP") return "SIGNUP";
  if (normalized === "CHARGE") return "CHARGE";
  return null;
}

function modelOf(value: Field): ProcessingModel | null {
  const normalized = code(value);
  return normalized !== null && Object.hasOwn(modelLabels, normalized) ? (normalized as ProcessingModel) : null;
}

/** MO/TO: Verifone spells it moto, mail_order, telephone_order (reads) or MAIL, TELEPHONE (payment requests). */
const motoInteractions = new Set(["MOTO", "MAIL_ORDER", "TELEPHONE_ORDER", "MAIL", "TELEPHONE"]);

function initiatorOf(
  kind: StoredCredentialKind | null,
  model: ProcessingModel | null,
  interaction: Field,
): Initiator | null {
  if (kind === "SIGNUP") return motoInteractions.has(code(interaction) ?? "") ? "MIT" : "CIT";
  if (kind !== "CHARGE" || model === null || model === "NONE") return null;
  return model === "CREDENTIAL_ON_FILE" ? "CIT" : "MIT";
}

/** The stored-credential block of a payment in words, or null when the payment has none. */
export function describeStoredCredential(tx: StoredCredentialInput): StoredCredentialDescription | null {
  const block = tx.stored_credential;
  if (!block || typeof block !== "object") return null;
  const kind = kindOf(block.stored_credential_type);
  const processingModel =
    modelOf(block.processing_model) ??
    modelOf(block.details) ??
    modelOf(block.processing_model_details?.processing_model);
  const schemeReference = text(block.scheme_reference);
  const reference = text(block.reference);
  if (kind === null && processingModel === null && schemeReference === null && reference === null) return null;
  const initiator = initiatorOf(kind, processingModel, tx.shopper_interaction);
  const kindLabel = kind === "SIGNUP" ? "Sign-up" : kind === "CHARGE" ? "Charge" : "Stored credential";
  const processingModelLabel = processingModel ? modelLabels[processingModel] : null;
  const initiatorLabel = initiator ? initiatorLabels[initiator] : null;
  return {
    kind,
    kindLabel,
    processingModel,
    processingModelLabel,
    initiator,
    initiatorLabel,
    schemeReference,
    reference,
    reuseToken: text(tx.token_details?.reuse_token),
    summary: [kindLabel, processingModelLabel, initiatorLabel].filter((part) => part !== null).join(" · "),
  };
}
