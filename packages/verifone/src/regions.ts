/** Verifone eCommerce hosts, by region (the `servers` of Verifone's OpenAPI files, without the service path). */
export const verifoneRegions = {
  emea: "https://emea.gsc.verifone.cloud",
  us: "https://us.gsc.verifone.cloud",
  nz: "https://nz.gsc.verifone.cloud",
  cst: "https://cst.test-gsc.vfims.com",
  uscst: "https://uscst-gb.gsc.vficloud.net",
} as const;

export type VerifoneRegion = keyof typeof verifoneRegions;

export function isVerifoneRegion(value: string): value is VerifoneRegion {
  return Object.hasOwn(verifoneRegions, value);
}

/**
 * The host origin to call: an explicit `baseUrl` wins over `region`. Throws when neither is given, when the region is
 * unknown, or when the URL is not a plain http(s) origin (credentials in the URL are refused: they would leak into logs).
 */
export function resolveBaseUrl(options: { region?: string; baseUrl?: string }): string {
  if (options.baseUrl !== undefined && options.baseUrl !== "") return checkedOrigin(options.baseUrl);
  const { region } = options;
  if (region === undefined || region === "") throw new Error("Verifone: set either a region or a base URL");
  if (!isVerifoneRegion(region)) {
    throw new Error(`Verifone: unknown region "${region}"; use one of ${Object.keys(verifoneRegions).join(", ")}`);
  }
  return verifoneRegions[region];
}

/** Validates a base URL (an origin, optionally with a path prefix) and removes the trailing slash. */
export function checkedOrigin(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error("Verifone base URL is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error("Verifone base URL must be http(s)");
  if (url.username || url.password) throw new Error("Verifone base URL must not contain credentials");
  if (url.search || url.hash) throw new Error("Verifone base URL must not have a query or fragment");
  return url.href.replace(/\/+$/, "");
}
