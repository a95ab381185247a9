/**
 * Wraps oidc-provider's token endpoint. oidc-provider checks the client assertion, the code and
 * PKCE and records the grant; the simulator then issues the tokens NHS login would (its own
 * RS512 JWT access token and ID token) and applies any armed token or ID token fault.
 */
import type { Middleware } from "koa";
import { idTokenPersonClaims } from "../claims";
import type { SimulatorContext } from "../context";
import { DEFAULT_SLOW_TOKEN_DELAY_MS, type IdTokenFault } from "../faults";
import { sleep } from "../http";
import { ACCESS_TOKEN_TTL_SECONDS, mintAccessToken, mintIdToken } from "../tokens";

interface GrantSource {
  accountId: string;
  grantId: string;
  scope?: string;
  nonce?: string;
  authTime?: number;
}

interface TokenOidcContext {
  client?: { clientId: string };
  entities: { AuthorizationCode?: GrantSource; RefreshToken?: GrantSource };
}

interface ProviderTokenBody {
  access_token?: string;
  refresh_token?: string;
  error?: string;
  error_description?: string;
}

export function tokenRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== "/token" || ctx.method !== "POST") return next();
    await next();

    ctx.set("Cache-Control", "no-store");
    ctx.set("Pragma", "no-cache");
    const body = ctx.body as ProviderTokenBody | undefined;
    if (ctx.status !== 200 || !body?.access_token) {
      // NHS login answers every token error with HTTP 400 (oidc-provider uses 401 for some).
      if (body?.error === "invalid_client") {
        ctx.status = 400;
        ctx.remove("WWW-Authenticate");
      }
      return;
    }

    const oidc = (ctx as unknown as { oidc: TokenOidcContext }).oidc;
    const clientId = oidc.client?.clientId;
    const code = oidc.entities.AuthorizationCode;
    const source = code ?? oidc.entities.RefreshToken;
    const persona = source && simulator.personas.getBySub(source.accountId);
    const outcome = source && simulator.journeys.outcome(source.grantId);
    if (!clientId || !source || !persona || !outcome) {
      ctx.status = 500;
      ctx.body = { error: "server_error", error_description: "the grant could not be resolved" };
      return;
    }
    const target = { persona: persona.id, client: clientId };

    const tokenFault = simulator.faults.take("token", target);
    if (tokenFault?.fault === "token_server_error") {
      ctx.status = 500;
      ctx.body = { error: "server_error", error_description: "simulated token endpoint failure" };
      return;
    }
    if (tokenFault?.fault === "token_invalid_grant") {
      ctx.status = 400;
      ctx.body = { error: "invalid_grant", error_description: "simulated invalid_grant" };
      return;
    }
    if (tokenFault?.fault === "token_slow") {
      const aborted = new AbortController();
      ctx.res.once("close", () => aborted.abort());
      await sleep(tokenFault.delayMs ?? DEFAULT_SLOW_TOKEN_DELAY_MS, aborted.signal);
    }

    const scope = source.scope ?? "openid";
    const response: Record<string, unknown> = {
      access_token: await mintAccessToken(simulator.keys, {
        issuer: simulator.issuer,
        clientId,
        sub: persona.sub,
        scope,
        vot: outcome.vot,
        authTime: outcome.authTime,
        jti: body.access_token,
      }),
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
    };

    // A refresh returns no new ID token (NHS login behaviour).
    if (code) {
      const idTokenFault = simulator.faults.take("id_token", target)?.fault as
        IdTokenFault | undefined;
      const { token, issued } = await mintIdToken(
        simulator.keys,
        {
          issuer: simulator.issuer,
          clientId,
          sub: persona.sub,
          ...(code.nonce !== undefined ? { nonce: code.nonce } : {}),
          authTime: outcome.authTime,
          vot: outcome.vot,
          requested: outcome.requested,
          personClaims: idTokenPersonClaims(persona, new Set(scope.split(" "))),
        },
        idTokenFault,
      );
      simulator.idTokens.record(issued);
      response.id_token = token;
    }
    if (body.refresh_token) response.refresh_token = body.refresh_token;
    ctx.body = response;
  };
}
