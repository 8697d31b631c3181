import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { afterLoginPath, afterLoginPathOf, homePath, loginPathFor } from "./loginRedirect.ts";

const origin = "http://this.site";
/** A place as the browser reports it (location.pathname/search/hash are already percent-encoded). */
const place = (url: string) => {
  const u = new URL(url, origin);
  return { pathname: u.pathname, search: u.search, hash: u.hash };
};
const pathSegment = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== "." && s !== "..");
const browserPlace = fc
  .tuple(
    fc.array(pathSegment, { minLength: 1, maxLength: 4 }),
    fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 20 })), { maxLength: 4 }),
    fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
  )
  .map(([segments, params, hash]) => {
    const search = params.length ? `?${new URLSearchParams(params)}` : "";
    return place(
      `/${segments.map(encodeURIComponent).join("/")}${search}${hash ? `#${encodeURIComponent(hash)}` : ""}`,
    );
  })
  .filter((p) => p.pathname !== "/login" && p.pathname !== "/");

describe("redirect to sign-in and back", () => {
  it("brings the user back to exactly the URL they were on, filters included", () => {
    const where = place("/authentications?f=authentication.pares_status~eq~Y&f=amount~gte~1000&sort=-amount&skip=50");
    const login = loginPathFor(where);
    expect(login).toBe(
      "/login?next=%2Fauthentications%3Ff%3Dauthentication.pares_status%7Eeq%7EY%26f%3Damount%7Egte%7E1000%26sort%3D-amount%26skip%3D50",
    );
    expect(afterLoginPathOf(new URL(login, origin).search)).toBe(
      "/authentications?f=authentication.pares_status~eq~Y&f=amount~gte~1000&sort=-amount&skip=50",
    );
  });

  it("round-trips any page of this site through /login?next=", () => {
    fc.assert(
      fc.property(browserPlace, (where) => {
        const login = new URL(loginPathFor(where), origin);
        expect(login.pathname).toBe("/login");
        expect(afterLoginPathOf(login.search)).toBe(`${where.pathname}${where.search}${where.hash}`);
      }),
    );
  });

  it("does not nest: on the sign-in page already, the URL stays as it is", () => {
    const first = loginPathFor(place("/audit?outcome=refused"));
    expect(loginPathFor(place(first))).toBe(first);
  });

  it("leaves next out for the site's root (signing in goes home anyway)", () => {
    expect(loginPathFor(place("/"))).toBe("/login");
    expect(loginPathFor(place("/authentications"))).toBe("/login?next=%2Fauthentications");
  });

  it("never sends anyone off the site or back to the sign-in page", () => {
    for (const next of [
      "https://evil.test/",
      "//evil.test/path",
      "/\\evil.test",
      "javascript:alert(1)",
      "evil.test",
      "/login?next=/audit",
      "",
      null,
    ]) {
      expect(afterLoginPath(next), String(next)).toBe(homePath);
    }
  });

  it("whatever next says, the result is a path on this site", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `/${s}`),
        ),
        (next) => {
          const path = afterLoginPath(next);
          expect(path.startsWith("/")).toBe(true);
          expect(new URL(path, origin).origin).toBe(origin);
        },
      ),
    );
  });
});
