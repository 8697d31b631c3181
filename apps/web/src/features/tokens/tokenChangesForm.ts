import { type TokenChangeProblem, type TokenChanges, tokenChangeProblems } from "@vbo/domain";
import type { TokenView } from "./tokenTypes.ts";

/** The update form's text fields, as typed. */
export type TokenChangesDraft = {
  expiry_month: string;
  expiry_year: string;
  card_holder_name: string;
  card_holder_email: string;
};
export type DraftField = keyof TokenChangesDraft;
export type DraftErrors = { fields: Partial<Record<DraftField, string>>; general: string | null };

export const draftFields: readonly DraftField[] = [
  "expiry_month",
  "expiry_year",
  "card_holder_name",
  "card_holder_email",
];

/** The form starts from the token as Verifone has it (it does not return the holder's email: that starts empty). */
export function draftOf(token: TokenView): TokenChangesDraft {
  return {
    expiry_month: token.expiry_month === undefined ? "" : String(token.expiry_month),
    expiry_year: token.expiry_year === undefined ? "" : String(token.expiry_year),
    card_holder_name: token.card_holder_name ?? "",
    card_holder_email: "",
  };
}

/** "7" → 7; "" → undefined (left as is); anything else → NaN, which the rules refuse by name. */
function whole(value: string): number | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}

/** Only what differs from the token: a field left as it was (or emptied) is not sent. */
export function changesOf(draft: TokenChangesDraft, token: TokenView): TokenChanges {
  const changes: TokenChanges = {};
  const month = whole(draft.expiry_month);
  const year = whole(draft.expiry_year);
  const name = draft.card_holder_name.trim();
  const email = draft.card_holder_email.trim();
  if (month !== undefined && month !== token.expiry_month) changes.expiry_month = month;
  if (year !== undefined && year !== token.expiry_year) changes.expiry_year = year;
  if (name !== "" && name !== (token.card_holder_name ?? "")) changes.card_holder_name = name;
  if (email !== "") changes.card_holder_email = email;
  return changes;
}

/** The same rules as the API (@vbo/domain), each problem on its field; "nothing to update" above the form. */
export function draftErrors(draft: TokenChangesDraft, token: TokenView, today: Date): DraftErrors {
  const problems: TokenChangeProblem[] = tokenChangeProblems(changesOf(draft, token), today, token);
  const fields: DraftErrors["fields"] = {};
  const rest: string[] = [];
  for (const p of problems) {
    const field = draftFields.find((f) => f === p.field);
    if (field) fields[field] ??= p.message;
    else rest.push(p.message);
  }
  return { fields, general: rest.length > 0 ? rest.join("; ") : null };
}
