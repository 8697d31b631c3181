import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { can, type Permission } from "@vbo/domain";
import { stringify } from "csv-stringify";
import type express from "express";
import type { Logger } from "pino";
import type { SessionUser } from "../context.ts";
import { requestLogger } from "../requestLog.ts";

export type UserOf = (req: express.Request) => Promise<SessionUser | null>;

/** The session's user when it has `permission`; otherwise answers 401/403 itself and returns null. */
export async function permittedUser(
  req: express.Request,
  res: express.Response,
  userOf: UserOf,
  permission: Permission,
) {
  const user = await userOf(req);
  if (!user) {
    res.status(401).json({ message: "Sign in to continue" });
    return null;
  }
  if (!can(user.role, permission)) {
    res.status(403).json({ message: `Your role (${user.role}) lacks the permission ${permission}` });
    return null;
  }
  return user;
}

/** A cell that starts like a spreadsheet formula is prefixed with ' so opening the export never runs it. */
function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Streams rows as a CSV download: one row in memory at a time, back-pressure respected end to end. */
export async function sendCsv(
  log: Logger,
  req: express.Request,
  res: express.Response,
  filename: string,
  columns: string[],
  rows: AsyncIterable<Record<string, unknown>>,
): Promise<void> {
  res.setHeader("content-type", "text/csv; charset=utf-8");
  res.setHeader("content-disposition", `attachment; filename="${filename}"`);
  try {
    await pipeline(Readable.from(rows), stringify({ header: true, columns, cast: { string: neutraliseFormula } }), res);
  } catch (err) {
    requestLogger(req, log).error({ err }, `CSV export ${filename} failed`);
    res.destroy();
  }
}
