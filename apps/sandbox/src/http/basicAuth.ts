import { createHash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { type ErrorSender, sendError } from "./errors.ts";

export type Credentials = { userId: string; apiKey: string };

const digest = (text: string) => createHash("sha256").update(text).digest();

/** HTTP Basic auth with Verifone's `user_id:api_key`; anything else is a 401 in the API family's error shape. */
export function basicAuth(credentials: () => Credentials, send: ErrorSender = sendError): RequestHandler {
  return (req, res, next) => {
    const header = req.headers.authorization ?? "";
    const [scheme, encoded] = header.split(" ");
    const { userId, apiKey } = credentials();
    const expected = digest(`${userId}:${apiKey}`);
    const given = scheme?.toLowerCase() === "basic" && encoded ? Buffer.from(encoded, "base64").toString("utf8") : null;
    if (given !== null && timingSafeEqual(digest(given), expected)) return next();
    res.setHeader("WWW-Authenticate", 'Basic realm="Verifone sandbox"');
    send(res, 401, given === null ? "Missing Basic authorization" : "Invalid credentials");
  };
}
