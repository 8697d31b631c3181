import { generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseSsoRoleMap } from "@vbo/domain";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";
import type { SsoSettings } from "../src/context.ts";

/** A staff member as the identity provider knows them (groups is what OIDC_ROLE_CLAIM reads). */
export type IdpAccount = { sub: string; email: string; name: string; groups: string[]; email_verified?: boolean };

/** Re-signs the ID token the provider issues, with the provider's own key, after changing some of its claims. */
export type IdTokenChange = (claims: Record<string, unknown>) => Record<string, unknown>;

export type TestIdentityProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, IdpAccount>;
  /** Who the next sign-in at the provider is (its login page answers for them without a form). */
  signInAs(sub: string): void;
  /** Applied to the ID tokens the token endpoint answers with from now on; null: the tokens as issued. */
  changeIdTokens(change: IdTokenChange | null): void;
  /** The provider answers `access_denied` instead of signing the next user in. */
  denyNext(): void;
  /** Registers the back office's callback (known once the API listens) and starts answering. */
  register(redirectUri: string): void;
  close(): Promise<void>;
};

/**
 * A real OpenID provider (oidc-provider) on a free port, for the back office's single sign-on tests: one confidential
 * client, PKCE required, accounts the test controls. Its interaction (login) step signs in the account named by
 * `signInAs` with no form, and consent is implied for this first-party client.
 */
export async function startIdentityProvider(accounts: IdpAccount[]): Promise<TestIdentityProvider> {
  const byId = new Map(accounts.map((a) => [a.sub, structuredClone(a)]));
  let provider: Provider | null = null;
  let signInAs = accounts[0]?.sub ?? "";
  let change: IdTokenChange | null = null;
  let deny = false;
  const clientId = "backoffice";
  const clientSecret = `secret-${randomUUID()}`;
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key-1";
  const jwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };

  const server = http.createServer((req, res) => {
    if (!provider) {
      res.writeHead(503).end("not registered yet");
      return;
    }
    if (req.url?.startsWith("/interaction/")) {
      void finishInteraction(provider, req, res).catch((err: unknown) => {
        res.writeHead(500).end(String(err));
      });
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function finishInteraction(p: Provider, req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await p.interactionDetails(req, res);
    if (deny) {
      deny = false;
      await p.interactionFinished(req, res, { error: "access_denied", error_description: "the user cancelled" });
      return;
    }
    if (details.prompt.name !== "login") throw new Error(`unexpected prompt ${details.prompt.name}`);
    await p.interactionFinished(req, res, { login: { accountId: signInAs } }, { mergeWithLastSubmission: false });
  }

  const configuration = (redirectUri: string): Configuration => ({
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-cookie-signing-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"], groups: ["groups"] },
    scopes: ["openid", "email", "profile", "groups"],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    async findAccount(_ctx, id) {
      const account = byId.get(id);
      if (!account) return undefined;
      return { accountId: id, claims: async () => ({ email_verified: true, ...account }) };
    },
    // A first-party client: the user's consent is implied (oidc-provider's documented recipe).
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const existing = session.grantIdFor(client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid email profile groups");
      await grant.save();
      session.grantIdFor(client.clientId, grant.jti);
      return grant;
    },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    accounts: byId,
    signInAs: (sub) => {
      signInAs = sub;
    },
    changeIdTokens: (next) => {
      change = next;
    },
    denyNext: () => {
      deny = true;
    },
    register(redirectUri) {
      const p = new Provider(issuer, configuration(redirectUri));
      p.on("server_error", (_ctx, err) => console.error("identity provider error", err));
      p.use(async (ctx, next) => {
        await next();
        const body = ctx.body as { id_token?: string } | undefined;
        if (ctx.path === "/token" && change && body && typeof body.id_token === "string") {
          body.id_token = resign(body.id_token, change, privateKey, kid);
        }
      });
      provider = p;
    },
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function resign(jwt: string, change: IdTokenChange, key: KeyObject, kid: string): string {
  const [, payload = ""] = jwt.split(".");
  const claims = change(JSON.parse(Buffer.from(payload, "base64url").toString()) as Record<string, unknown>);
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  const signingInput = `${part({ alg: "RS256", kid })}.${part(claims)}`;
  return `${signingInput}.${sign("sha256", Buffer.from(signingInput), key).toString("base64url")}`;
}

/** The back office's single sign-on settings for this provider (groups backoffice-ops/-support/-admins mapped). */
export function ssoSettingsFor(idp: TestIdentityProvider): SsoSettings {
  const parsed = parseSsoRoleMap("backoffice-ops=operations,backoffice-support=support,backoffice-admins=admin");
  if (!("map" in parsed)) throw new Error("bad test role map");
  return {
    issuer: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    roleClaim: "groups",
    roleMap: parsed.map,
    scopes: "openid email profile groups",
    displayName: "Example ID",
  };
}

/**
 * A browser for redirect flows: one cookie jar per origin, redirects followed by hand (so each hop can be checked)
 * while they stay on the identity provider or the back office's /auth/oidc/ paths.
 */
export class RedirectBrowser {
  private readonly jars = new Map<string, Map<string, string>>();
  /** Every URL visited, in order. */
  readonly visited: URL[] = [];

  constructor(private readonly apiUrl: string) {}

  cookieHeader(origin: string): string | null {
    const jar = this.jars.get(origin);
    return jar && jar.size > 0 ? [...jar].map(([k, v]) => `${k}=${v}`).join("; ") : null;
  }

  cookie(origin: string, name: string): string | undefined {
    return this.jars.get(origin)?.get(name);
  }

  setCookie(origin: string, name: string, value: string) {
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    jar.set(name, value);
    this.jars.set(origin, jar);
  }

  /** GETs `url` and follows redirects; returns where it stopped: the back office's landing URL, or the last answer. */
  async navigate(url: string): Promise<{ landed: URL; status: number; setCookies: string[] }> {
    let next = new URL(url);
    const setCookies: string[] = [];
    for (let hop = 0; hop < 20; hop++) {
      this.visited.push(next);
      const cookie = this.cookieHeader(next.origin);
      const res = await fetch(next, { redirect: "manual", headers: cookie ? { cookie } : {} });
      for (const header of res.headers.getSetCookie()) {
        setCookies.push(header);
        this.store(next.origin, header);
      }
      await res.arrayBuffer();
      const location = res.headers.get("location");
      if (res.status < 300 || res.status >= 400 || !location) return { landed: next, status: res.status, setCookies };
      next = new URL(location, next);
      const onApi = next.origin === new URL(this.apiUrl).origin;
      if (onApi && !next.pathname.startsWith("/auth/oidc/")) return { landed: next, status: res.status, setCookies };
    }
    throw new Error("too many redirects");
  }

  /** Follows an authorization request through the provider; returns the callback URL without opening it. */
  async untilCallback(authorizeUrl: string): Promise<string> {
    let next = new URL(authorizeUrl);
    for (let hop = 0; hop < 10; hop++) {
      if (next.pathname === "/auth/oidc/callback") return next.href;
      const cookie = this.cookieHeader(next.origin);
      const res = await fetch(next, { redirect: "manual", headers: cookie ? { cookie } : {} });
      for (const header of res.headers.getSetCookie()) this.store(next.origin, header);
      await res.arrayBuffer();
      next = new URL(res.headers.get("location") ?? "", next);
    }
    throw new Error("never reached the callback");
  }

  private store(origin: string, header: string) {
    const [pair = ""] = header.split(";");
    const at = pair.indexOf("=");
    const name = pair.slice(0, at).trim();
    const value = pair.slice(at + 1).trim();
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    if (/max-age=0/i.test(header) || /expires=thu, 01 jan 1970/i.test(header)) jar.delete(name);
    else jar.set(name, value);
    this.jars.set(origin, jar);
  }
}
