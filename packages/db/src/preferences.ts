import type { Queryable } from "./driver.ts";

/** A staff member's own settings; a member who never chose one has the defaults (every field null). */
export interface StaffPreferences {
  /** IANA zone the dashboard shows times in; null: the browser's. */
  timeZone: string | null;
}

export async function find(db: Queryable, userId: string): Promise<StaffPreferences> {
  const { rows } = await db.query<{ time_zone: string | null }>(
    "SELECT time_zone FROM staff_preference WHERE user_id = $1",
    [userId],
  );
  return { timeZone: rows[0]?.time_zone ?? null };
}

/** Sets the zone (already checked by the caller); null goes back to the browser's. */
export async function setTimeZone(db: Queryable, userId: string, timeZone: string | null): Promise<StaffPreferences> {
  const { rows } = await db.query<{ time_zone: string | null }>(
    `INSERT INTO staff_preference (user_id, time_zone) VALUES ($1, $2)
     ON CONFLICT (user_id) DO UPDATE SET time_zone = EXCLUDED.time_zone, updated_at = now()
     RETURNING time_zone`,
    [userId, timeZone],
  );
  return { timeZone: rows[0]?.time_zone ?? null };
}
