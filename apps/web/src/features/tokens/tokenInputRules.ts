// The token input rules are shared with the API (@vbo/domain); the page path is the browser's own.
export {
  reasonMaxLength,
  reasonMinLength,
  reasonProblem,
  reuseTokenMaxLength,
  reuseTokenMinLength,
  reuseTokenProblem,
} from "@vbo/domain";

/** The path of a token's page: the id in the URL, so a link opens it. */
export function tokenPath(reuseToken: string): string {
  return `/tokens/${encodeURIComponent(reuseToken.trim())}`;
}
