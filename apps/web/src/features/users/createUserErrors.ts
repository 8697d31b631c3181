import { errorInfo } from "../../api/errorInfo.ts";

export const createUserFields = ["email", "name", "role", "password"] as const;
export type CreateUserField = (typeof createUserFields)[number];

export type FormErrors = { fields: Partial<Record<CreateUserField, string>>; general: string | null };

/**
 * A refused users.create, as the form shows it: each validation problem next to its field, a taken email (CONFLICT)
 * on the email field, anything else above the form.
 */
export function createUserErrors(error: unknown): FormErrors {
  const info = errorInfo(error);
  const fields: FormErrors["fields"] = {};
  const rest: string[] = [];
  for (const problem of info.problems) {
    const field = createUserFields.find((f) => f === problem.path[0]);
    if (field && !fields[field]) fields[field] = problem.message;
    else if (!field) rest.push(problem.path.length ? `${problem.path.join(".")}: ${problem.message}` : problem.message);
  }
  if (info.code === "CONFLICT") fields.email = info.message;
  let general: string | null = rest.length ? rest.join("; ") : null;
  if (!general && Object.keys(fields).length === 0) {
    general = info.code ? info.message : `The back office could not be reached: ${info.message}`;
  }
  return { fields, general };
}
