import { describe, expect, it } from "vitest";
import { renderStatic } from "../../test/renderStatic.tsx";
import { rowLockReason, type StaffUser, UsersTable } from "./UsersTable.tsx";

const at = "2025-03-01T10:00:00.000Z";
const user = (id: string, email: string, extra: Partial<StaffUser> = {}): StaffUser => ({
  id,
  email,
  name: email.split("@")[0] ?? email,
  role: "operations",
  disabledAt: null,
  createdAt: at,
  updatedAt: at,
  lastSignInAt: null,
  mustChangePassword: false,
  mfaEnrolled: false,
  ...extra,
});
const admin = user("a", "admin@demo.test", { role: "admin" });
const ops = user("b", "ops@demo.test");
const gone = user("c", "gone@demo.test", { disabledAt: at });

/** The HTML of the row for `email`. */
function rowOf(html: string, email: string): string {
  const start = html.lastIndexOf("<tr", html.indexOf(`data-email="${email}"`));
  return html.slice(start, html.indexOf("</tr>", start));
}

describe("users table", () => {
  const html = renderStatic(
    <UsersTable users={[admin, ops, gone]} selfId="a" onRoleChange={() => {}} onDisable={() => {}} />,
  );

  it("lets an admin change another user's role and disable them", () => {
    const row = rowOf(html, "ops@demo.test");
    expect(row).not.toContain("disabled");
    expect(row).toContain('aria-label="Role of ops@demo.test"');
  });

  it("locks the admin's own row, saying why", () => {
    const row = rowOf(html, "admin@demo.test");
    // role, disable, and the menu of other actions
    expect(row.match(/ disabled=""/g)).toHaveLength(3);
    expect(row).toContain('aria-description="This is you: another admin must change your role or disable you"');
  });

  it("greys out a disabled user and says so in words", () => {
    const row = rowOf(html, "gone@demo.test");
    expect(row).toContain("data-disabled");
    expect(row).toContain("opacity:0.55");
    expect(row).toContain(">Disabled<");
    expect(rowLockReason(gone, "a")).toBe("This user is disabled");
    expect(row).toContain('data-testid="enable-user"');
  });

  it("shows the last sign-in, or Never", () => {
    const seen = renderStatic(
      <UsersTable
        users={[user("d", "seen@demo.test", { lastSignInAt: "2025-03-02T08:30:00.000Z", mfaEnrolled: true })]}
        selfId="a"
        onRoleChange={() => {}}
        onDisable={() => {}}
      />,
      "Asia/Tokyo",
    );
    // In the staff member's zone (the header names it), whatever zone the machine runs in.
    expect(rowOf(seen, "seen@demo.test")).toMatch(
      /data-testid="last-sign-in"[^>]*><time[^>]*>2 Mar 2025, 17:30<\/time>/,
    );
    expect(seen).toMatch(/Last sign-in <span[^>]*>\(Asia\/<wbr\/>Tokyo\)<\/span>/);
    expect(rowOf(html, "ops@demo.test")).toContain(">Never<");
  });
});
