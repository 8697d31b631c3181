import type { RequestHandler } from "express";
import { type ErrorSender, invalidParameters, type ParameterProblem, sendError, statusText } from "./errors.ts";

/**
 * Test-controlled failures: the next `times` calls matching `method` + `path` fail. `path` matches exactly, or as a
 * prefix when it ends with `*` (`/oidc/3ds-service/*`). Faults are used up first-registered first.
 *
 * Modes: `status` answers `status` (default 500) with Verifone's error body; `drop` destroys the connection without
 * an answer; `malformed` answers 200 with a truncated JSON body; `delay` waits `delayMs` then answers normally;
 * `lose-answer` DOES the call (a refund is made) and then drops the connection instead of answering — the case a
 * client cannot tell from `drop`, and the one idempotency keys exist for.
 * `delayMs` also delays the other modes. Without `mode`: `status` if a status is given, else `delay` if `delayMs` is.
 */
export const faultModes = ["status", "drop", "malformed", "delay", "lose-answer"] as const;
export type FaultMode = (typeof faultModes)[number];

export type Fault = {
  id: number;
  method: string | null;
  path: string;
  remaining: number;
  mode: FaultMode;
  status: number;
  delayMs: number;
};

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const specKeys = new Set(["method", "path", "times", "status", "delayMs", "mode"]);
const isInt = (v: unknown, min: number, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

function parseSpec(body: unknown, id: number): Fault | ParameterProblem[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return [{ parameter: "body", message: "must be a JSON object" }];
  }
  const spec = body as Record<string, unknown>;
  const problems: ParameterProblem[] = [];
  const bad = (parameter: string, message: string) => problems.push({ parameter, message });
  for (const key of Object.keys(spec)) if (!specKeys.has(key)) bad(key, "is not a fault setting");
  const { method, path, times = 1, status, delayMs, mode } = spec;
  if (typeof path !== "string" || !path.startsWith("/")) bad("path", "must be a path starting with /");
  if (method !== undefined && (typeof method !== "string" || !methods.includes(method.toUpperCase())))
    bad("method", `must be one of ${methods.join(", ")}`);
  if (!isInt(times, 1, 1_000_000)) bad("times", "must be an integer >= 1");
  if (status !== undefined && !isInt(status, 400, 599)) bad("status", "must be an HTTP status from 400 to 599");
  if (delayMs !== undefined && !isInt(delayMs, 0, 600_000)) bad("delayMs", "must be an integer from 0 to 600000");
  if (mode !== undefined && !faultModes.includes(mode as FaultMode))
    bad("mode", `must be one of ${faultModes.join(", ")}`);
  if (problems.length > 0) return problems;
  return {
    id,
    method: typeof method === "string" ? method.toUpperCase() : null,
    path: path as string,
    remaining: times as number,
    mode: (mode as FaultMode | undefined) ?? (status === undefined && delayMs !== undefined ? "delay" : "status"),
    status: (status as number | undefined) ?? 500,
    delayMs: (delayMs as number | undefined) ?? 0,
  };
}

function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method && fault.method !== method) return false;
  return fault.path.endsWith("*") ? path.startsWith(fault.path.slice(0, -1)) : path === fault.path;
}

export class FaultBook {
  #faults: Fault[] = [];
  #nextId = 1;

  /** Registers a fault; throws a 400 naming the bad settings. */
  add(spec: unknown): Fault {
    const parsed = parseSpec(spec, this.#nextId);
    if (Array.isArray(parsed)) throw invalidParameters(parsed);
    this.#nextId++;
    this.#faults.push(parsed);
    return { ...parsed };
  }

  /** Uses up one occurrence of the first fault matching this call. */
  take(method: string, path: string): Fault | null {
    const fault = this.#faults.find((f) => matches(f, method, path));
    if (!fault) return null;
    fault.remaining--;
    if (fault.remaining === 0) this.#faults = this.#faults.filter((f) => f !== fault);
    return { ...fault };
  }

  list(): Fault[] {
    return this.#faults.map((f) => ({ ...f }));
  }

  clear(): void {
    this.#faults = [];
  }
}

export function faultInjector(book: FaultBook, send: ErrorSender = sendError): RequestHandler {
  return (req, res, next) => {
    const path = req.originalUrl.split("?")[0] ?? "";
    const fault = book.take(req.method, path);
    if (!fault) return next();
    const act = () => {
      if (fault.mode === "delay") return next();
      if (fault.mode === "lose-answer") {
        res.end = (() => {
          req.socket.destroy();
          return res;
        }) as typeof res.end;
        return next();
      }
      if (fault.mode === "drop") return void req.socket.destroy();
      if (fault.mode === "malformed") {
        res.status(200).type("application/json").send('{"_id":"5f1c2a9e-malformed","amount":12');
        return;
      }
      send(res, fault.status, statusText[fault.status], { injectedFault: fault.id });
    };
    if (fault.delayMs > 0) setTimeout(act, fault.delayMs);
    else act();
  };
}
