// The tokens a staff user looked up lately, newest first, kept in this browser's localStorage under their user id
// (so two people sharing a machine do not see each other's). Only what the page may show anyway is stored: the
// reuse token, the masked card and the status at the time.

export type RecentLookup = {
  reuseToken: string;
  /** e.g. "•••• 1111" — never more than the last four. */
  card: string;
  brand: string | null;
  status: string | null;
  /** ISO time of the look-up. */
  at: string;
};

export const recentLookupsLimit = 10;

export const recentLookupsKey = (userId: string) => `vbo.tokens.recent.${userId}`;

type Storage = Pick<globalThis.Storage, "getItem" | "setItem">;

function isLookup(value: unknown): value is RecentLookup {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  const optional = (x: unknown) => x === null || typeof x === "string";
  return (
    typeof v.reuseToken === "string" &&
    typeof v.card === "string" &&
    typeof v.at === "string" &&
    optional(v.brand) &&
    optional(v.status)
  );
}

/** The user's list; anything unreadable (another version's format, a hand edit, no storage) counts as empty. */
export function readRecentLookups(storage: Storage | null, userId: string): RecentLookup[] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(recentLookupsKey(userId)) ?? "[]");
    return Array.isArray(parsed) ? parsed.filter(isLookup).slice(0, recentLookupsLimit) : [];
  } catch {
    return [];
  }
}

/** `lookup` first, any older entry for the same token dropped, at most ten kept. */
export function withLookup(list: readonly RecentLookup[], lookup: RecentLookup): RecentLookup[] {
  return [lookup, ...list.filter((l) => l.reuseToken !== lookup.reuseToken)].slice(0, recentLookupsLimit);
}

/** Stores the list; a full or disabled storage only loses the history, never the page. */
export function writeRecentLookups(storage: Storage | null, userId: string, list: readonly RecentLookup[]): void {
  try {
    storage?.setItem(recentLookupsKey(userId), JSON.stringify(list));
  } catch {
    // Quota exceeded or storage disabled: the list is a convenience.
  }
}
