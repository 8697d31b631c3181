import { can, type Permission } from "@vbo/domain";
import { stringify } from "csv-stringify/sync";
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

// Rows are turned into CSV text this many at a time (~110 KB for authentications: under V8's large-object size, so
// the text dies young) and written in one piece; csv-stringify's stream wrote each of 100,000 rows to the socket.
const rowsPerWrite = 200;

/** Resolves once `res` has flushed what it holds (its 'drain'); rejects if the client goes away first. */
function drained(res: express.Response): Promise<void> {
  return new Promise((resolve, reject) => {
    if (res.destroyed) return reject(new Error("the client closed the connection"));
    const done = (err?: Error) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      if (err) reject(err);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new Error("the client closed the connection"));
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

/**
 * Streams rows as a CSV download with back-pressure end to end: a batch of rows is written, and the next row is not
 * asked for (so the next upstream page not fetched) until the socket has taken the batch. One page of rows and one
 * batch of text in memory at a time.
 */
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
  const options = { columns, cast: { string: neutraliseFormula } };
  let header = true;
  let batch: Record<string, unknown>[] = [];
  const write = async () => {
    const text = stringify(batch, { ...options, header });
    header = false;
    batch = [];
    if (!res.write(text)) await drained(res);
  };
  try {
    for await (const row of rows) {
      batch.push(row);
      if (batch.length === rowsPerWrite) await write();
    }
    if (batch.length > 0 || header) await write();
    res.end();
  } catch (err) {
    requestLogger(req, log).error({ err }, `CSV export ${filename} failed`);
    res.destroy();
  }
}
