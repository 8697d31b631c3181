import type { FormErrors } from "@mantine/form";
import { useEffect, useRef } from "react";
import type { ZodType } from "zod";
import { errorHeadline, errorInfo, type Problem } from "./errorInfo.ts";

/** The key under which a form keeps what belongs above its fields (read it with `generalError`). */
export const generalKey = "_general";

export type ServerErrorOptions = {
  /** The form's fields: a problem on another path is said above the form. */
  fields: readonly string[];
  /** Where a problem's path lands on the form; by default the path joined with dots (["changes", "x"] → "changes.x"). */
  fieldOf?: (path: Problem["path"]) => string;
  /** The field a CONFLICT is about (an email or a name already taken). */
  conflictField?: string;
};

const joined = (path: Problem["path"]) => path.join(".");

/**
 * A refused call as a form shows it, in the keys `form.setErrors` takes: each validation problem (BAD_REQUEST's
 * structured `data.problems`) on its field, a CONFLICT on the field it is about, anything else — problems on no
 * field of the form, a refusal, Verifone's answer, no answer at all — in words under `generalKey`.
 */
export function serverFormErrors(error: unknown, options: ServerErrorOptions): FormErrors {
  const info = errorInfo(error);
  const fieldOf = options.fieldOf ?? joined;
  const errors: FormErrors = {};
  const rest: string[] = [];
  for (const problem of info.problems) {
    const field = fieldOf(problem.path);
    if (options.fields.includes(field)) errors[field] ??= problem.message;
    else rest.push(problem.path.length ? `${joined(problem.path)}: ${problem.message}` : problem.message);
  }
  if (info.code === "CONFLICT" && options.conflictField) errors[options.conflictField] = info.message;
  if (rest.length > 0) errors[generalKey] = rest.join("; ");
  else if (Object.keys(errors).length === 0) {
    errors[generalKey] = info.upstream
      ? errorHeadline(info)
      : info.code
        ? info.message
        : `The back office could not be reached: ${info.message}`;
  }
  return errors;
}

/** What the form shows above its fields, if anything. */
export function generalError(form: { errors: FormErrors }): string | null {
  const text = form.errors[generalKey];
  return typeof text === "string" ? text : null;
}

/**
 * For a form handed its last attempt's error by its page: puts each new error on the fields (`form.setErrors`).
 * Editing a field clears its error; the next submit's validation clears them all.
 */
export function useServerErrors(
  form: { setErrors: (errors: FormErrors) => void },
  error: unknown,
  options: ServerErrorOptions,
): void {
  const { setErrors } = form;
  const latest = useRef(options);
  latest.current = options;
  useEffect(() => {
    if (error) setErrors(serverFormErrors(error, latest.current));
  }, [error, setErrors]);
}

/** One field's rule (for useForm's `validate` object) from a zod schema: its first issue's message, or null. */
export function schemaRule(schema: ZodType) {
  return (value: unknown): string | null => schema.safeParse(value).error?.issues[0]?.message ?? null;
}
