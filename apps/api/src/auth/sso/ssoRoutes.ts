import { audit, oidcSignIns, type StaffUser } from "@vbo/db";
import { claimValues, type SsoErrorCode } from "@vbo/domain";
import express from "express";
import type { AppDeps, Context, SsoSettings } from "../../context.ts";
import { reserveSsoStart } from "../loginThrottle.ts";
import { sessionUserOf, startSession } from "../signIn.ts";
import { createOidcClient, oidc } from "./oidcClient.ts";
import { type ProviderClaims, ssoAccountOf } from "./ssoAccount.ts";
import {
  browserHashOf,
  clearedSsoCookie,
  newBrowserBinding,
  readSsoCookie,
  ssoCookie,
  ssoSignInTtlMs,
} from "./ssoCookie.ts";

export const ssoStartPath = "/auth/oidc/start";
export const ssoCallbackPath = "/auth/oidc/callback";

type ContextOf = (req: express.Request, res: express.Response) => Promise<Context>;

/**
 * Single sign-on with the merchant's identity provider: the authorization code flow with PKCE (S256), state and
 * nonce. `start` keeps the verifier, state and nonce server-side (one row, bound to this browser by a cookie) and
 * sends the browser to the provider; `callback` takes that row once (a replayed state finds nothing), lets
 * openid-client check the answer and the ID token (issuer, audience, expiry, nonce, signature), maps the role and
 * starts a session. Every outcome is audited as `auth.sso`; a refusal lands on `/login?sso_error=<code>`.
 */
export function ssoRoutes(deps: AppDeps, contextOf: ContextOf, publicUrl: string | undefined): express.Router {
  const routes = express.Router();
  const settings = deps.identity?.sso ?? null;
  const client = settings ? createOidcClient(settings) : null;
  const redirectUriOf = (ctx: Context) => `${publicUrl ?? ctx.origin}${ssoCallbackPath}`;

  routes.get(ssoStartPath, async (req, res) => {
    const ctx = await contextOrNull(deps, contextOf, req, res);
    if (!ctx) return refuseTo(res, "unavailable");
    try {
      if (!settings || !client) return refuseTo(res, "not_configured");
      if (!(await reserveSsoStart(ctx.db, ctx.ip))) {
        await record(ctx, settings, { outcome: "refused", error: "too many sign-ins started from this address" });
        return refuseTo(res, "throttled");
      }
      const config = await client.configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const binding = newBrowserBinding();
      await oidcSignIns.begin(ctx.db, {
        state,
        browserHash: binding.hash,
        codeVerifier,
        nonce,
        returnTo: returnPathOf(req.query.next),
        expiresAt: new Date(Date.now() + ssoSignInTtlMs),
      });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUriOf(ctx),
        scope: settings.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state,
        nonce,
      });
      ctx.setCookie(ssoCookie(binding.value, ctx.secure));
      res.redirect(302, url.href);
    } catch (err) {
      ctx.log.warn({ err }, "single sign-on could not start: identity provider unreachable or misconfigured");
      if (settings) await record(ctx, settings, { outcome: "failure", error: `could not start: ${describe(err)}` });
      refuseTo(res, "unavailable");
    }
  });

  routes.get(ssoCallbackPath, async (req, res) => {
    const ctx = await contextOrNull(deps, contextOf, req, res);
    if (!ctx) return refuseTo(res, "unavailable");
    try {
      if (!settings || !client) return refuseTo(res, "not_configured");
      ctx.setCookie(clearedSsoCookie(ctx.secure));
      const state = typeof req.query.state === "string" ? req.query.state : "";
      const pending = state ? await oidcSignIns.take(ctx.db, state) : null;
      const browser = readSsoCookie(req.headers.cookie);
      if (!pending || !browser || browserHashOf(browser) !== pending.browserHash) {
        const why = !pending ? "unknown, expired or already used state" : "the sign-in was started by another browser";
        await record(ctx, settings, { outcome: "refused", error: why });
        return refuseTo(res, "expired");
      }

      const currentUrl = new URL(redirectUriOf(ctx));
      currentUrl.search = new URL(req.originalUrl, "http://callback.invalid").search;
      let claims: ProviderClaims;
      try {
        const config = await client.configuration();
        const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: pending.codeVerifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        if (!idToken) throw new Error("no ID token");
        claims = { ...idToken } as ProviderClaims;
        // Many providers put email and groups in userinfo only (OIDC Core 5.4): ask when the ID token lacks them.
        if (claims.email === undefined || claims[settings.roleClaim] === undefined) {
          // fetchUserInfo refuses an answer about another subject; the ID token's claims win over userinfo's.
          const info = await oidc.fetchUserInfo(config, tokens.access_token, idToken.sub);
          claims = { ...info, ...claims };
        }
      } catch (err) {
        const code = providerErrorCode(err);
        if (code === "unavailable") ctx.log.warn({ err }, "single sign-on: identity provider unreachable");
        await record(ctx, settings, {
          outcome: code === "unavailable" ? "failure" : "refused",
          error: describe(err),
        });
        return refuseTo(res, code);
      }

      const account = await ssoAccountOf(ctx.db, settings, claims, deps.identity?.breakGlassAdmins);
      const groups = claimValues(claims[settings.roleClaim]).slice(0, 50);
      const input = { subject: claims.sub, [settings.roleClaim]: groups };
      if (!account.ok) {
        await record(ctx, settings, {
          outcome: "refused",
          error: account.reason,
          user: account.user,
          target: account.email ?? claims.sub,
          input,
        });
        return refuseTo(res, account.code);
      }
      const user = account.user;
      if (account.roleChange) {
        ctx.sessions.forgetUser(user.id);
        await record(ctx, settings, {
          action: "auth.sso.role",
          outcome: "success",
          user,
          target: user.email,
          input: { ...input, from: account.roleChange.from, to: account.roleChange.to },
        });
      }
      // The provider's sign-in is the user's factor (README: Staff identity): no TOTP or passkey step follows.
      await startSession(ctx, sessionUserOf(user), null);
      await record(ctx, settings, {
        outcome: "success",
        user,
        target: user.email,
        input: { ...input, role: user.role, created: account.created },
      });
      res.redirect(302, pending.returnTo ?? "/");
    } catch (err) {
      ctx.log.error({ err }, "single sign-on callback failed");
      if (settings) await record(ctx, settings, { outcome: "failure", error: describe(err) }).catch(() => {});
      refuseTo(res, "unavailable");
    }
  });

  return routes;
}

/** The request's context, or null (logged) when it cannot be built — the database is down: never an error page. */
async function contextOrNull(deps: AppDeps, contextOf: ContextOf, req: express.Request, res: express.Response) {
  try {
    return await contextOf(req, res);
  } catch (err) {
    deps.log.error({ err }, "single sign-on: could not read the session (database unreachable?)");
    return null;
  }
}

function refuseTo(res: express.Response, code: SsoErrorCode) {
  res.redirect(302, `/login?sso_error=${code}`);
}

/** `next` from the sign-in page: a path on this site (not `//host`, not `/\host`), else none. */
function returnPathOf(next: unknown): string | null {
  if (typeof next !== "string" || next.length > 2000) return null;
  return /^\/(?![/\\])/.test(next) && !/[\r\n]/.test(next) ? next : null;
}

/** What went wrong talking to the provider, as one of the sign-in page's messages. */
function providerErrorCode(err: unknown): SsoErrorCode {
  if (err instanceof oidc.AuthorizationResponseError) return "denied";
  if (err instanceof oidc.ResponseBodyError) return "invalid";
  if (err instanceof oidc.ClientError) return err.cause instanceof TypeError ? "unavailable" : "invalid";
  if (err instanceof TypeError || (err instanceof Error && /abort|timeout/i.test(err.name))) return "unavailable";
  return "invalid";
}

/** An error in one line for the audit trail and logs (the provider's own words, never a token). */
function describe(err: unknown): string {
  if (err instanceof oidc.AuthorizationResponseError) return `provider refused: ${err.error}`;
  if (err instanceof oidc.ResponseBodyError) return `token endpoint: ${err.error}`;
  if (err instanceof oidc.ClientError) {
    // openid-client's message is generic; the check that failed is in its cause (e.g. the "aud" claim's).
    const detail = err.cause instanceof Error ? err.cause.message : err.message;
    return `${err.code ? `${err.code}: ` : ""}${detail}`;
  }
  if (err instanceof Error) return err.message;
  return String(err);
}

type Record = {
  action?: string;
  outcome: "success" | "refused" | "failure";
  error?: string;
  user?: StaffUser | null;
  target?: string | null;
  input?: unknown;
};

async function record(ctx: Context, settings: SsoSettings, event: Record): Promise<void> {
  try {
    await audit.append(ctx.db, {
      actorId: event.user?.id ?? null,
      actorEmail: event.user?.email ?? null,
      actorRole: event.user?.role ?? null,
      action: event.action ?? "auth.sso",
      target: event.target?.slice(0, 300) ?? null,
      input: { issuer: settings.issuer, ...(event.input && typeof event.input === "object" ? event.input : {}) },
      outcome: event.outcome,
      error: event.error?.slice(0, 500) ?? null,
      requestId: ctx.requestId,
    });
  } catch (err) {
    ctx.log.error({ err, action: event.action ?? "auth.sso" }, "could not write the audit event");
  }
}
