/**
 * Saved views become shareable and each staff member may pick one default view per page (their own or a shared one).
 * `query` keeps holding the page's URL search string, stored as a JSON string.
 */
export const views = `
ALTER TABLE saved_view ADD COLUMN shared boolean NOT NULL DEFAULT false;
ALTER TABLE saved_view ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX saved_view_page_shared_idx ON saved_view (page) WHERE shared;

CREATE TABLE saved_view_default (
  user_id uuid NOT NULL REFERENCES staff_user (id) ON DELETE CASCADE,
  page    text NOT NULL,
  view_id uuid NOT NULL REFERENCES saved_view (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, page)
);
CREATE INDEX saved_view_default_view_idx ON saved_view_default (view_id);
`;
