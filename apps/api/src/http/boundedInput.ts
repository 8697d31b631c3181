import express from "express";
import { jsonNestsDeeperThan } from "./jsonDepth.ts";

export const defaultBodyLimitBytes = 64 * 1024;
export const maxJsonDepth = 64;

/**
 * Procedures allowed a body larger than the default. None needs one today: every input is a few fields or a
 * filter list of at most 100 entries. Add the procedure path here with its limit when one does.
 */
const bodyLimitOf: Record<string, number> = {};

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

function trpcError(res: express.Response, httpStatus: 400 | 413, message: string) {
  const [code, rpcCode] = httpStatus === 413 ? ["PAYLOAD_TOO_LARGE", -32013] : ["BAD_REQUEST", -32600];
  res.status(httpStatus).json({ error: { message, code: rpcCode, data: { code, httpStatus } } });
}

/**
 * Bounds what reaches tRPC: a POST body is read (as text, at most its procedure's limit — the connection is not
 * read further once that is passed) and refused with 413 in tRPC's error shape; a body or `input` query parameter
 * nested deeper than `maxJsonDepth` is refused before anything parses it. tRPC takes the text as the body.
 */
export function boundedInput(): express.RequestHandler {
  const readers = new Map<number, express.RequestHandler>();
  const readerFor = (limit: number) => {
    let reader = readers.get(limit);
    if (!reader) {
      reader = express.text({ limit, type: () => true, defaultCharset: "utf-8" });
      readers.set(limit, reader);
    }
    return reader;
  };

  return (req, res, next) => {
    const checkDepth = (text: unknown) => {
      if (typeof text === "string" && jsonNestsDeeperThan(text, maxJsonDepth)) {
        trpcError(res, 400, `The input is nested more than ${maxJsonDepth} levels deep`);
        return false;
      }
      return true;
    };
    if (req.method !== "POST") {
      // Every `input` given (a repeated parameter comes as a list; tRPC reads the first).
      if ([req.query.input].flat().every(checkDepth)) next();
      return;
    }
    const procedures = req.path.replace(/^\//, "").split(",");
    const limit = Math.max(...procedures.map((p) => bodyLimitOf[p] ?? defaultBodyLimitBytes));
    readerFor(limit)(req, res, (err?: unknown) => {
      if (err) {
        const type = (err as { type?: string }).type;
        if (type === "entity.too.large") {
          trpcError(res, 413, `The request body is larger than ${kb(limit)}`);
        } else {
          trpcError(res, 400, "The request body could not be read");
        }
        // Not worth reading the rest of an oversized body: close the connection once the answer is out.
        res.once("finish", () => req.destroy());
        return;
      }
      if (checkDepth(req.body)) next();
    });
  };
}
