import type { Db } from "@vbo/db";
import { findCardNumbers } from "@vbo/domain";

/** Everything the product wrote that must never hold a card number: log lines, error bodies, audit rows. */
export class CardLeakWitness {
  readonly logLines: string[] = [];
  readonly errorBodies: string[] = [];

  /** A pino destination that keeps every line. */
  readonly logSink = { write: (line: string) => void this.logLines.push(line) };

  noteAnswer(status: number, body: string) {
    if (status >= 400) this.errorBodies.push(body);
  }

  /** Each place a card number was found, with a little context (the number itself masked). */
  async leaks(db: Db): Promise<string[]> {
    const { rows } = await db.query<{ row: string }>("SELECT row_to_json(a)::text AS row FROM audit_event a");
    const places: [string, string[]][] = [
      ["log line", this.logLines],
      ["error body", this.errorBodies],
      ["audit row", rows.map((r) => r.row)],
    ];
    const found: string[] = [];
    for (const [where, texts] of places) {
      for (const text of texts) {
        for (const pan of findCardNumbers(text)) {
          const at = text.indexOf(pan);
          const context = text.slice(Math.max(0, at - 80), at + pan.length + 20).replace(pan, `${pan.slice(0, 6)}…`);
          found.push(`${where}: …${context}…`);
        }
      }
    }
    return found;
  }
}
