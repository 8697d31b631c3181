import { errorHeadline, errorInfo, type Problem } from "../../api/errorInfo.ts";

/**
 * What a refused or failed token action means for the page:
 * - `outcomeUnknown`: Verifone did not confirm the write (timeout, dropped connection), or the back office's own
 *   answer never arrived: nobody knows whether it happened, so the page re-reads the token rather than guess;
 * - `stateChanged`: the token is no longer in a state that allows the action (someone else acted first), or is
 *   gone: the page re-reads it and says so;
 * - `failed`: anything else (bad input, Verifone refused): the dialog stays open with the user's input so they can
 *   fix it or retry.
 */
export type ActionFailure = {
  kind: "outcomeUnknown" | "stateChanged" | "failed";
  message: string;
  problems: Problem[];
};

export function actionFailure(error: unknown): ActionFailure {
  const info = errorInfo(error);
  if (info.upstream?.outcomeUnknown) return { kind: "outcomeUnknown", message: info.message, problems: [] };
  // No answer at all: the request may have reached the back office and been carried out (a delete then retried
  // would be refused as "already deleted").
  if (!info.code) {
    return { kind: "outcomeUnknown", message: `The back office did not answer: ${info.message}`, problems: [] };
  }
  if (info.code === "PRECONDITION_FAILED" || info.code === "NOT_FOUND") {
    return { kind: "stateChanged", message: info.message, problems: [] };
  }
  let message: string;
  // An input refused by the API's schema: its own messages, not tRPC's JSON dump of them.
  if (info.problems.length > 0) message = info.problems.map((p) => p.message).join("; ");
  else if (info.upstream) message = errorHeadline(info);
  else message = info.message;
  return { kind: "failed", message, problems: info.problems };
}
