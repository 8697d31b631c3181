/**
 * Where the sign-in page sends people, and back. A page that needs a session sends the visitor to
 * `/login?next=<path+search+hash>`; after signing in they land on exactly that URL again (filters included).
 */
export const loginPathname = "/login";
/** Home: the index route sends each role to its landing page (managers to Analytics, the others to Authentications). */
export const homePath = "/";

type Place = { pathname: string; search: string; hash: string };

/** The sign-in URL for someone who was on `place`; on the sign-in page already, the same URL (never nested). */
export function loginPathFor(place: Place): string {
  if (place.pathname === loginPathname) return `${place.pathname}${place.search}`;
  const next = `${place.pathname}${place.search}${place.hash}`;
  if (next === "/") return loginPathname;
  return `${loginPathname}?${new URLSearchParams({ next })}`;
}

// Any origin will do: it only tells a path of this site from a link elsewhere ("//evil.test", "/\\evil.test").
const probeOrigin = "http://this.site";

/**
 * Where to go after signing in: `next` if it is a path on this site (anything else — another site, a `javascript:`
 * URL, the sign-in page itself — could be a phishing link, so it goes home instead).
 */
export function afterLoginPath(next: string | null): string {
  if (!next?.startsWith("/")) return homePath;
  let url: URL;
  try {
    url = new URL(next, probeOrigin);
  } catch {
    return homePath;
  }
  if (url.origin !== probeOrigin || url.pathname === loginPathname) return homePath;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path === "/" ? homePath : path;
}

/** `afterLoginPath` of a sign-in page's own search string. */
export function afterLoginPathOf(search: string): string {
  return afterLoginPath(new URLSearchParams(search).get("next"));
}
