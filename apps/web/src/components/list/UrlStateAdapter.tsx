import {
  type unstable_AdapterInterface as AdapterInterface,
  unstable_createAdapterProvider,
} from "nuqs/adapters/custom";
import { useMemo } from "react";
import { type Location, useLocation, useNavigate } from "react-router";

// A lone UTF-16 surrogate cannot be percent-encoded (encodeURIComponent throws); it becomes U+FFFD, as in any URL.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const encodePart = (text: string) => encodeURIComponent(text.replace(loneSurrogate, "\uFFFD"));

/**
 * A search string (without `?`) as the dashboard writes its links: every key and value percent-encoded with
 * encodeURIComponent, so `~` and `.` stay readable and a space is `%20` (the links saved views and copied links hold).
 * `first` keys come first, in that order (a page's own params, as its codec writes them); the others keep their place.
 */
export function renderSearch(params: URLSearchParams, first: readonly string[] = []): string {
  const parts: string[] = [];
  const add = (key: string, value: string) => parts.push(`${encodePart(key)}=${encodePart(value)}`);
  for (const key of first) for (const value of params.getAll(key)) add(key, value);
  for (const [key, value] of params) if (!first.includes(key)) add(key, value);
  return parts.join("&");
}

/**
 * The searches nuqs has asked the router for that it has not rendered yet, oldest first, each with the search shown
 * when it was asked. Router updates render in a transition: until one lands, nuqs builds on what it asked for, not on
 * the older URL still rendered — a second change right after a first must not undo it.
 */
let asked: { on: string; search: string }[] = [];
/** Where the router was last rendered. */
let shown: Pick<Location, "pathname" | "search" | "hash"> = { pathname: "/", search: "", hash: "" };

/** Settles the asks against the location rendered: one landed (with every earlier one), or the user went elsewhere. */
function settle({ pathname, search, hash }: Location): void {
  shown = { pathname, search, hash };
  const at = asked.findIndex((a) => a.search === search);
  if (at !== -1) asked = asked.slice(at + 1).map((a) => ({ ...a, on: search }));
  // Still showing the search the first ask was made on: the router has not caught up yet.
  else if (asked[0]?.on !== search) asked = [];
}

/** The search as last asked for, or as shown. */
const latest = () => asked.at(-1)?.search ?? shown.search;

/**
 * nuqs on React Router's own location and navigate (a nuqs custom adapter): every URL update is a router navigation,
 * so useLocation, links that keep the list's search (the record drawer, a transaction's back link) and the saved
 * views menu see it at once, in the browser as in the memory router of the tests. Keeps the pathname (a drawer open
 * on the list stays open).
 */
function useRouterUrlAdapter(watchKeys: string[]): AdapterInterface {
  const location = useLocation();
  const navigate = useNavigate();
  settle(location);
  const current = latest();
  const searchParams = useMemo(() => new URLSearchParams(current), [current]);
  return {
    searchParams,
    pathname: location.pathname,
    getSearchParamsSnapshot: () => new URLSearchParams(latest()),
    updateUrl(search, options) {
      const rendered = renderSearch(search, watchKeys);
      const next = rendered ? `?${rendered}` : "";
      if (next === latest()) return;
      asked.push({ on: shown.search, search: next });
      void navigate(
        { pathname: shown.pathname, search: next, hash: shown.hash },
        { replace: options.history === "replace", preventScrollReset: !options.scroll },
      );
    },
  };
}

/** The URL-state provider of the app (and of the tests' renderer): around the RouterProvider. */
export const UrlStateAdapter = unstable_createAdapterProvider(useRouterUrlAdapter);
