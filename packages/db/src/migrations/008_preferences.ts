/**
 * Per staff member settings that follow them from machine to machine. `time_zone`: the IANA zone the dashboard shows
 * times in (checked by the API against Intl's zones); null means "the browser's zone".
 */
export const preferences = `
CREATE TABLE staff_preference (
  user_id    uuid PRIMARY KEY REFERENCES staff_user (id) ON DELETE CASCADE,
  time_zone  text CHECK (time_zone IS NULL OR length(time_zone) BETWEEN 1 AND 64),
  updated_at timestamptz NOT NULL DEFAULT now()
);
`;
