/** What the UI needs to know about a failed tRPC call, read defensively (the error may not even be a tRPC one). */
export type Problem = { path: (string | number)[]; message: string };
export type Upstream = {
  status: number | null;
  message: string;
  retryable: boolean;
  /** A write Verifone did not confirm either way (timeout, dropped connection): nobody knows whether it happened. */
  outcomeUnknown: boolean;
};
export type ErrorInfo = {
  code: string | null;
  message: string;
  problems: Problem[];
  upstream: Upstream | null;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function readProblems(value: unknown): Problem[] {
  if (!Array.isArray(value)) return [];
  return value.filter((p): p is Problem => isRecord(p) && Array.isArray(p.path) && typeof p.message === "string");
}

function readUpstream(value: unknown): Upstream | null {
  if (!isRecord(value) || typeof value.message !== "string") return null;
  return {
    status: typeof value.status === "number" ? value.status : null,
    message: value.message,
    retryable: value.retryable === true,
    outcomeUnknown: value.outcomeUnknown === true,
  };
}

export function errorInfo(error: unknown): ErrorInfo {
  const message = error instanceof Error ? error.message : String(error);
  const data = isRecord(error) && isRecord(error.data) ? error.data : {};
  return {
    code: typeof data.code === "string" ? data.code : null,
    message,
    problems: readProblems(data.problems),
    upstream: readUpstream(data.upstream),
  };
}

/** One sentence saying what failed, for the error state. */
export function errorHeadline(info: ErrorInfo): string {
  if (info.upstream) {
    return info.upstream.status === null
      ? `Verifone did not answer: ${info.upstream.message}`
      : `Verifone answered ${info.upstream.status}: ${info.upstream.message}`;
  }
  switch (info.code) {
    case "BAD_REQUEST":
      return `The query was refused: ${info.message}`;
    case "UNAUTHORIZED":
      return "You are not signed in (or your session has ended).";
    case "FORBIDDEN":
      return `You are not allowed to see this: ${info.message}`;
    case null:
      return `The back-office API could not be reached: ${info.message}`;
    default:
      return `The back-office API failed (${info.code}): ${info.message}`;
  }
}
