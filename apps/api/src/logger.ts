import { redactCardData, redactCardNumbers } from "@vbo/domain";
import pino, { type DestinationStream } from "pino";

/**
 * Structured logs; credentials and cookies are redacted by path, card data (card numbers anywhere in the line,
 * card-data keys such as securityCode or track2) by the one redaction of packages/domain — on the logged object,
 * the message and the child bindings alike. Lines are buffered (4 KB) and written asynchronously: a synchronous
 * write per request to a pipe showed up as tail latency in bench/. Call `flush()` before exiting.
 */
export function createLogger(
  level: string,
  destination: DestinationStream = pino.destination({ dest: 1, sync: false, minLength: 4096 }),
) {
  return pino(
    {
      level,
      redact: {
        paths: [
          "req.headers.authorization",
          "req.headers.cookie",
          'res.headers["set-cookie"]',
          "*.password",
          "*.apiKey",
          "*.api_key",
        ],
        censor: "[redacted]",
      },
      formatters: {
        bindings: (bindings) => redactCardData(bindings) as Record<string, unknown>,
        log: (object) => redactCardData(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const redacted = args.map((a) => (typeof a === "string" ? redactCardNumbers(a) : a));
          method.apply(this, redacted as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
