/** oidc-provider configured to behave like NHS login. */
import { randomBytes } from "node:crypto";
import Provider, { errors, interactionPolicy, type Configuration } from "oidc-provider";
import type { Context } from "koa";
import { checkAuthorizationRequest } from "./authorization-request";
import type { SimulatorClient } from "./clients";
import type { SimulatorContext } from "./context";
import { HEADLESS_PARAMETERS } from "./headless";
import { createMemoryAdapter } from "./memory-store";
import { KNOWN_SCOPES, SCOPE_CLAIMS } from "nhs-login-vocabulary";
import { ACCESS_TOKEN_TTL_SECONDS, ID_TOKEN_TTL_SECONDS, nowSeconds } from "./tokens";
import { errorPage } from "./views/error";

export const MAX_CLIENT_ASSERTION_LIFETIME_SECONDS = 5 * 60;
const CLOCK_TOLERANCE_SECONDS = 5;

interface OidcClientView {
  clientId: string;
  grantTypeAllowed(type: string): boolean;
}

function oidcClientMetadata(client: SimulatorClient) {
  return {
    client_id: client.clientId,
    client_name: client.name,
    redirect_uris: client.redirectUris,
    response_types: ["code"],
    grant_types: client.refreshTokens
      ? ["authorization_code", "refresh_token"]
      : ["authorization_code"],
    token_endpoint_auth_method: "private_key_jwt",
    token_endpoint_auth_signing_alg: "RS512",
    id_token_signed_response_alg: "RS512",
    scope: client.scopes.join(" "),
    jwks: { keys: client.publicKeys },
  };
}

/**
 * NHS login needs a fresh journey (log in or reuse, uplift, consent) on every request, so this
 * check asks for interaction until a journey has finished for this request.
 */
function journeyPolicy() {
  const { base, Check } = interactionPolicy;
  const policy = base();
  policy.get("login")?.checks.add(
    new Check(
      "simulator_journey",
      "every authorization request goes through the NHS login journey",
      "interaction_required",
      (ctx) => {
        const oidc = ctx.oidc as { result?: { login?: unknown } };
        return oidc.result?.login === undefined;
      },
    ),
    0,
  );
  return policy;
}

export function createProvider(simulator: Omit<SimulatorContext, "provider">): Provider {
  const { issuer, clients, personas, keys } = simulator;
  const tokenEndpoint = `${issuer}/token`;
  const signingJwk = {
    ...(keys.current.privateKey.export({ format: "jwk" }) as Record<string, unknown>),
    kid: keys.current.kid,
    alg: "RS512",
    use: "sig",
  };

  const configuration: Configuration = {
    adapter: createMemoryAdapter(),
    clients: clients.relyingParties().map(oidcClientMetadata),
    jwks: { keys: [signingJwk] },
    routes: {
      authorization: "/authorize",
      token: "/token",
      userinfo: "/userinfo",
      jwks: "/.well-known/jwks.json",
    },
    scopes: [...KNOWN_SCOPES],
    claims: Object.fromEntries(KNOWN_SCOPES.map((scope) => [scope, [...SCOPE_CLAIMS[scope]]])),
    responseTypes: ["code"],
    subjectTypes: ["public"],
    clientAuthMethods: ["private_key_jwt"],
    enabledJWA: {
      idTokenSigningAlgValues: ["RS512"],
      clientAuthSigningAlgValues: ["RS512"],
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      rpInitiatedLogout: { enabled: false },
      pushedAuthorizationRequests: { enabled: false },
      resourceIndicators: { enabled: false },
      dPoP: { enabled: false },
      claimsParameter: { enabled: false },
      requestObjects: { enabled: false },
      revocation: { enabled: false },
      introspection: { enabled: false },
    },
    pkce: { required: () => false },
    allowOmittingSingleRegisteredRedirectUri: false,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    ttl: {
      AuthorizationCode: 10 * 60,
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      IdToken: ID_TOKEN_TTL_SECONDS,
      RefreshToken: 30 * 24 * 60 * 60,
      Interaction: 60 * 60,
      Session: 12 * 60 * 60,
      Grant: 30 * 24 * 60 * 60,
    },
    issueRefreshToken: (_ctx: unknown, client: OidcClientView) =>
      client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: true,
    cookies: {
      keys: [randomBytes(32).toString("base64url")],
      long: { signed: true, sameSite: "lax" },
      short: { signed: true, sameSite: "lax" },
    },
    extraParams: {
      vtr(
        ctx: { query: Record<string, unknown>; oidc: { params: Record<string, unknown> } },
        _value: unknown,
        oidcClient: OidcClientView,
      ) {
        // oidc-provider runs this for every request (vtr present or not), after it has checked
        // the client and redirect_uri, so errors thrown here go back to the redirect URI.
        const client = clients.get(oidcClient.clientId);
        if (!client) throw new errors.InvalidRequest("unknown client");
        // oidc-provider has already dropped scopes it does not know; NHS login refuses them.
        const params = { ...ctx.oidc.params, scope: ctx.query.scope };
        const problem = checkAuthorizationRequest(params, client);
        if (problem?.error === "invalid_scope") throw new errors.InvalidScope(problem.description);
        if (problem) throw new errors.InvalidRequest(problem.description);
      },
      asserted_login_identity: null,
      allow_registration: null,
      display: null,
      // The simulator's own, for headless mode; NHS login has neither.
      [HEADLESS_PARAMETERS.consent]: null,
      [HEADLESS_PARAMETERS.uplift]: null,
    },
    async assertJwtClientAuthClaimsAndHeader(
      _ctx: unknown,
      claims: Record<string, unknown>,
      header: Record<string, unknown>,
      client: OidcClientView,
    ) {
      if (header.alg !== "RS512") throw new errors.InvalidClientAuth("alg must be RS512");
      if (claims.sub !== client.clientId) {
        throw new errors.InvalidClientAuth("sub (JWT subject) must be the client_id");
      }
      const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
      if (!audiences.includes(tokenEndpoint)) {
        throw new errors.InvalidClientAuth(
          `aud must be or contain the token endpoint ${tokenEndpoint}`,
        );
      }
      const exp = claims.exp;
      if (typeof exp !== "number") throw new errors.InvalidClientAuth("exp must be a number");
      if (exp > nowSeconds() + MAX_CLIENT_ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
        throw new errors.InvalidClientAuth(
          `exp must be at most ${MAX_CLIENT_ASSERTION_LIFETIME_SECONDS} seconds in the future`,
        );
      }
    },
    async findAccount(_ctx: unknown, sub: string) {
      const persona = personas.getBySub(sub);
      if (!persona) return undefined;
      return { accountId: sub, claims: () => ({ sub }) };
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`,
      policy: journeyPolicy(),
    },
    async renderError(ctx: Context, out: Record<string, unknown>) {
      const code = typeof out.error === "string" ? out.error : "server_error";
      const description = typeof out.error_description === "string" ? out.error_description : "";
      ctx.type = "text/html; charset=utf-8";
      ctx.body = errorPage({
        title: "Sorry, there is a problem with this request",
        message: description || "The request could not be completed.",
        code,
      }).value;
    },
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = true;
  return provider;
}
