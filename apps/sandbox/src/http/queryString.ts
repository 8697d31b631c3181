/**
 * Splits a raw query string into decoded `[key, value]` pairs, keeping order and repeats. Verifone's operators live in
 * the key (`amount>=212` is key `amount>` and value `212`), so keys are decoded too: `amount%3E=212` reads the same.
 * `+` means a space (form encoding, what URLSearchParams writes); a literal plus must be sent as `%2B`.
 */
export type QueryPair = { key: string; value: string; hasValue: boolean };

export type QueryStringProblem = { parameter: string; message: string };

function decode(part: string): string | null {
  try {
    return decodeURIComponent(part.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

export function rawQueryOf(url: string): string {
  const at = url.indexOf("?");
  return at < 0 ? "" : url.slice(at + 1);
}

export function splitQuery(rawQuery: string): { pairs: QueryPair[]; problems: QueryStringProblem[] } {
  const pairs: QueryPair[] = [];
  const problems: QueryStringProblem[] = [];
  for (const segment of rawQuery.split("&")) {
    if (segment === "") continue;
    const eq = segment.indexOf("=");
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const key = decode(rawKey);
    const value = eq < 0 ? "" : decode(segment.slice(eq + 1));
    if (key === null || value === null) {
      problems.push({ parameter: key ?? rawKey, message: "is not valid percent-encoding" });
      continue;
    }
    pairs.push({ key, value, hasValue: eq >= 0 });
  }
  return { pairs, problems };
}
