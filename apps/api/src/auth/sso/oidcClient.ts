import * as oidc from "openid-client";
import type { SsoSettings } from "../../context.ts";

/** Calls to the identity provider (discovery, token, userinfo, keys) give up after this long. */
const providerTimeoutS = 10;

export type OidcClient = { configuration(): Promise<oidc.Configuration> };

/**
 * The identity provider's configuration, discovered at the first sign-in and kept; a failed discovery is not kept, so
 * the next sign-in tries again (the provider may have been down when the back office started).
 */
export function createOidcClient(settings: SsoSettings): OidcClient {
  let discovered: Promise<oidc.Configuration> | null = null;
  return {
    configuration() {
      discovered ??= discover(settings).catch((err: unknown) => {
        discovered = null;
        throw err;
      });
      return discovered;
    },
  };
}

async function discover(settings: SsoSettings): Promise<oidc.Configuration> {
  const issuer = new URL(settings.issuer);
  const metadata: Partial<oidc.ClientMetadata> = {
    client_secret: settings.clientSecret,
    [oidc.clockTolerance]: settings.clockToleranceS ?? 30,
  };
  const config = await oidc.discovery(issuer, settings.clientId, metadata, undefined, {
    timeout: providerTimeoutS,
    // env.ts allows http only for a provider on this machine (loopback).
    ...(issuer.protocol === "http:" ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
  return config;
}

export { oidc };
