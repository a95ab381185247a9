/**
 * The API platform's token endpoint, `POST /oauth2/token`, for "separate authentication and
 * authorisation": an application exchanges a person's NHS login ID token for an access token to
 * NHS England's APIs (RFC 8693), authenticating with a signed client assertion, and renews it
 * with a refresh token and its secret. Checks run in the platform's order and fail with its words.
 */
import { createPublicKey, timingSafeEqual, type JsonWebKey } from "node:crypto";
import type { Context } from "koa";
import { decodeJwt, decodeProtectedHeader, jwtVerify, type JWTPayload } from "jose";
import type { SimulatorContext } from "../context";
import { DEFAULT_SLOW_TOKEN_DELAY_MS } from "../faults";
import { HttpError, readForm, sleep } from "../http";
import type { ApiApplication } from "./applications";
import { sendOAuthError } from "./answers";
import {
  MAX_ACCESS_TOKEN_MS,
  MAX_REFRESH_TOKEN_MS,
  type IssuedTokens,
  type PlatformGrant,
} from "./tokens";

export const TOKEN_PATH = "/oauth2/token";

const TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
const ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
/** The platform allows 5 minutes, and 10 seconds more for clocks that disagree. */
const MAX_ASSERTION_SECONDS_AHEAD = 310;

class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
  ) {
    super(message);
  }
}

const invalidRequest = (status: number, message: string) =>
  new Refusal(status, "invalid_request", message);

const NOT_CONFIGURED =
  "you have tried to request authorization but your application is not configured to use this authorization grant type";

interface Decoded {
  header: Record<string, unknown>;
  payload: JWTPayload;
}

function decode(token: string | null, name: "client_assertion" | "subject_token"): Decoded {
  if (!token) {
    throw invalidRequest(
      400,
      name === "client_assertion" ? "Missing client_assertion" : "Missing subject_token",
    );
  }
  try {
    return {
      header: decodeProtectedHeader(token) as Record<string, unknown>,
      payload: decodeJwt(token),
    };
  } catch {
    throw invalidRequest(400, `Malformed JWT in ${name}`);
  }
}

function isJwtTyp(typ: unknown): boolean {
  return typeof typ === "string" && typ.toLowerCase() === "jwt";
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** The claim checks the platform makes before it looks at any key, in its order. */
function checkAssertionClaims({ header, payload }: Decoded, used: (jti: string) => boolean): void {
  const what = "in client_assertion JWT";
  if (header.alg !== "RS512") {
    throw invalidRequest(
      400,
      `Invalid 'alg' header ${what} - unsupported JWT algorithm - must be 'RS512'`,
    );
  }
  if (typeof payload.exp === "number" && payload.exp < nowSeconds()) {
    throw invalidRequest(400, `Invalid 'exp' claim ${what} - JWT has expired`);
  }
  if (!header.kid) throw invalidRequest(400, `Missing 'kid' header ${what}`);
  if (!isJwtTyp(header.typ))
    throw invalidRequest(400, `Invalid 'typ' header ${what} - must be 'JWT'`);
  if (payload.exp === undefined) throw invalidRequest(400, `Missing 'exp' claim ${what}`);
  if (typeof payload.exp !== "number") {
    throw invalidRequest(400, `Invalid 'exp' claim ${what} - must be an integer`);
  }
  if (!payload.iss || !payload.sub || payload.iss !== payload.sub) {
    throw invalidRequest(400, `Missing or non-matching 'iss'/'sub' claims ${what}`);
  }
  if (payload.jti === undefined) throw invalidRequest(400, `Missing 'jti' claim ${what}`);
  if (typeof payload.jti !== "string") {
    throw invalidRequest(
      400,
      `Invalid 'jti' claim ${what} - must be a unique string value such as a GUID`,
    );
  }
  if (used(payload.jti)) throw invalidRequest(400, `Non-unique 'jti' claim ${what}`);
  if (payload.exp - nowSeconds() > MAX_ASSERTION_SECONDS_AHEAD) {
    throw invalidRequest(400, `Invalid 'exp' claim ${what} - more than 5 minutes in future`);
  }
}

function audienceIncludes(aud: JWTPayload["aud"], wanted: string): boolean {
  return Array.isArray(aud) ? aud.includes(wanted) : aud === wanted;
}

/** Finds the application by its API key and verifies the assertion with its registered JWKS. */
async function authenticate(
  simulator: SimulatorContext,
  assertion: string,
  decoded: Decoded,
  tokenUrl: string,
): Promise<ApiApplication> {
  const application = simulator.apiPlatform.applications.get(String(decoded.payload.iss));
  if (!application) throw invalidRequest(401, "Invalid 'iss'/'sub' claims in client_assertion JWT");
  if (application.publicKeys.length === 0) {
    throw new Refusal(
      403,
      "public_key error",
      "You need to register a public key to use this authentication method - please contact support to configure",
    );
  }
  const jwk = application.publicKeys.find((key) => key.kid === decoded.header.kid);
  if (!jwk) {
    throw invalidRequest(
      401,
      "Invalid 'kid' header in client_assertion JWT - no matching public key",
    );
  }
  try {
    await jwtVerify(assertion, createPublicKey({ key: jwk as JsonWebKey, format: "jwk" }), {
      algorithms: ["RS512"],
      clockTolerance: 10,
    });
  } catch {
    throw new Refusal(401, "public_key error", "JWT signature verification failed");
  }
  if (!audienceIncludes(decoded.payload.aud, tokenUrl)) {
    throw invalidRequest(401, "Missing or invalid 'aud' claim in client_assertion JWT");
  }
  return application;
}

/** The NHS login ID token: its shape, then its issuer, key and signature, then its audience. */
async function verifyIdToken(
  simulator: SimulatorContext,
  idToken: string,
  decoded: Decoded,
): Promise<JWTPayload> {
  const { header, payload } = decoded;
  const what = "in subject_token JWT";
  if (!header.kid) throw invalidRequest(400, `Missing 'kid' header ${what}`);
  if (!isJwtTyp(header.typ))
    throw invalidRequest(400, `Invalid 'typ' header ${what} - must be 'JWT'`);
  if (!header.alg) throw invalidRequest(400, `Missing 'alg' header ${what}`);
  if (payload.exp === undefined) throw invalidRequest(400, `Missing 'exp' claim ${what}`);
  if (typeof payload.exp !== "number")
    throw invalidRequest(400, `Invalid 'exp' claim ${what} - must be an integer`);
  if (payload.exp < nowSeconds())
    throw invalidRequest(400, `Invalid 'exp' claim ${what} - JWT has expired`);
  if (!payload.iss) throw invalidRequest(400, `Missing 'iss' claim ${what}`);
  if (!payload.aud) throw invalidRequest(401, `Missing 'aud' claim ${what}`);
  if (payload.iss !== simulator.issuer) {
    throw invalidRequest(400, `Missing or non-matching 'iss' claim ${what}`);
  }
  // Only the keys NHS login publishes now: a token signed with a retired key no longer verifies.
  const published = simulator.keys.published().some((key) => key.kid === header.kid);
  const key = published ? simulator.keys.find(String(header.kid)) : undefined;
  if (!key) throw invalidRequest(401, `Invalid 'kid' header ${what} - no matching public key`);
  try {
    await jwtVerify(idToken, key.publicKey, { algorithms: ["RS256", "RS512"] });
  } catch {
    throw new Refusal(401, "public_key error", "JWT signature verification failed");
  }
  // Stricter than the platform, which only needs an `aud`: it must be a service of this NHS login.
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.every((aud) => simulator.clients.get(aud) !== undefined)) {
    throw invalidRequest(401, `Invalid 'aud' claim ${what}`);
  }
  return payload;
}

/** Only the application's scopes for the person's proofing level, e.g. `...:P9:...`. */
function scopesFor(application: ApiApplication, proofingLevel: unknown): string[] {
  if (typeof proofingLevel !== "string" || !/^P\d/.test(proofingLevel)) return [];
  const marker = `:${proofingLevel.slice(0, 2)}:`;
  return application.scopes.filter((scope) => scope.includes(marker));
}

/** A caller may ask for shorter lifetimes (`_access_token_expiry_ms`), never longer. */
function lifetime(requested: string | null, maximum: number): number {
  const value = requested === null ? NaN : Number(requested);
  return Number.isInteger(value) && value > 0 && value < maximum ? value : maximum;
}

function tokenAnswer(issued: IssuedTokens, exchange: boolean): Record<string, string> {
  return {
    access_token: issued.accessToken,
    expires_in: String(issued.expiresInSeconds),
    token_type: "Bearer",
    ...(exchange ? { issued_token_type: "urn:ietf:params:oauth:token-type:access_token" } : {}),
    refresh_token: issued.refreshToken,
    refresh_token_expires_in: String(issued.refreshExpiresInSeconds),
    refresh_count: String(issued.refreshCount),
  };
}

/**
 * Plays an armed token fault for this person and application. Returns true when the fault has
 * answered; a slow fault only waits.
 */
async function playTokenFault(
  simulator: SimulatorContext,
  ctx: Context,
  grant: PlatformGrant,
): Promise<boolean> {
  const persona = simulator.personas.getBySub(grant.sub);
  const armed = simulator.faults.take("api_token", {
    ...(persona ? { persona: persona.id } : {}),
    client: grant.apiKey,
  });
  if (armed?.fault === "api_token_refused") {
    sendOAuthError(ctx, 401, "unauthorized_client", NOT_CONFIGURED);
    return true;
  }
  if (armed?.fault === "api_token_server_error") {
    sendOAuthError(
      ctx,
      500,
      "unknown_error",
      "An unknown error occurred processing this request. Contact us for assistance diagnosing this issue: https://digital.nhs.uk/developer/help-and-support quoting Message ID",
    );
    return true;
  }
  if (armed?.fault === "api_token_slow") {
    const aborted = new AbortController();
    ctx.res.once("close", () => aborted.abort());
    await sleep(armed.delayMs ?? DEFAULT_SLOW_TOKEN_DELAY_MS, aborted.signal);
  }
  return false;
}

async function exchange(
  simulator: SimulatorContext,
  ctx: Context,
  form: URLSearchParams,
): Promise<void> {
  const platform = simulator.apiPlatform;
  if (form.get("client_assertion_type") !== JWT_BEARER) {
    throw invalidRequest(400, `Missing or invalid client_assertion_type - must be '${JWT_BEARER}'`);
  }
  if (form.get("grant_type") !== TOKEN_EXCHANGE) throw invalidRequest(400, "grant_type is invalid");
  const assertion = form.get("client_assertion");
  const decodedAssertion = decode(assertion, "client_assertion");
  checkAssertionClaims(decodedAssertion, (jti) => platform.assertions.isUsed(jti));
  platform.assertions.remember(
    String(decodedAssertion.payload.jti),
    Number(decodedAssertion.payload.exp),
  );
  const tokenUrl = `${simulator.issuer}${TOKEN_PATH}`;
  const application = await authenticate(simulator, assertion!, decodedAssertion, tokenUrl);

  const idToken = form.get("subject_token");
  const claims = await verifyIdToken(simulator, idToken!, decode(idToken, "subject_token"));
  const scopes = scopesFor(application, claims.identity_proofing_level);
  if (scopes.length === 0) throw new Refusal(401, "unauthorized_client", NOT_CONFIGURED);

  const grant: PlatformGrant = {
    apiKey: application.apiKey,
    scopes,
    sub: String(claims.sub),
    ...(typeof claims.nhs_number === "string" ? { nhsNumber: claims.nhs_number } : {}),
    ...(typeof claims.vot === "string" ? { vot: claims.vot } : {}),
  };
  if (await playTokenFault(simulator, ctx, grant)) return;
  const issued = platform.tokens.issue(grant, {
    accessTokenMs: lifetime(form.get("_access_token_expiry_ms"), MAX_ACCESS_TOKEN_MS),
    refreshTokenMs: lifetime(form.get("_refresh_token_expiry_ms"), MAX_REFRESH_TOKEN_MS),
    refreshCount: 0,
  });
  send(ctx, tokenAnswer(issued, true));
}

function sameSecret(given: string, expected: string | undefined): boolean {
  if (expected === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function refresh(
  simulator: SimulatorContext,
  ctx: Context,
  form: URLSearchParams,
): Promise<void> {
  const clientId = form.get("client_id");
  if (!clientId) throw invalidRequest(401, "client_id is missing");
  const application = simulator.apiPlatform.applications.get(clientId);
  if (!application)
    throw new Refusal(401, "invalid_client", "client_id or client_secret is invalid");
  const secret = form.get("client_secret");
  if (!secret) throw invalidRequest(401, "client_secret is missing");
  if (!sameSecret(secret, application.secret)) {
    throw new Refusal(401, "invalid_client", "client_id or client_secret is invalid");
  }
  const refreshToken = form.get("refresh_token");
  if (!refreshToken) throw invalidRequest(400, "refresh_token is missing");
  const used = simulator.apiPlatform.tokens.useRefreshToken(refreshToken, application.apiKey);
  if (used.status === "invalid")
    throw new Refusal(401, "invalid_grant", "refresh_token is invalid");
  if (used.status === "expired") {
    throw new Refusal(401, "invalid_grant", "refresh token refresh period has expired");
  }
  if (await playTokenFault(simulator, ctx, used.grant)) return;
  const issued = simulator.apiPlatform.tokens.issue(used.grant, {
    accessTokenMs: lifetime(form.get("_access_token_expiry_ms"), used.accessTokenMs),
    refreshTokenMs: lifetime(form.get("_refresh_token_expiry_ms"), MAX_REFRESH_TOKEN_MS),
    refreshCount: used.refreshCount + 1,
  });
  send(ctx, tokenAnswer(issued, false));
}

function send(ctx: Context, body: Record<string, string>): void {
  ctx.status = 200;
  ctx.type = "application/json";
  ctx.set("Cache-Control", "no-store");
  ctx.body = JSON.stringify(body);
}

export async function tokenEndpoint(simulator: SimulatorContext, ctx: Context): Promise<void> {
  try {
    if (ctx.method !== "POST") throw invalidRequest(405, "token endpoint only supports POST");
    if (!ctx.is("application/x-www-form-urlencoded")) {
      throw invalidRequest(415, "Content-Type header must be application/x-www-form-urlencoded");
    }
    const form = await readForm(ctx);
    const grantType = form.get("grant_type");
    const subjectTokenType = form.get("subject_token_type");
    if (subjectTokenType === ID_TOKEN_TYPE) return await exchange(simulator, ctx, form);
    if (grantType === TOKEN_EXCHANGE) {
      throw invalidRequest(
        400,
        `missing or invalid subject_token_type - must be '${ID_TOKEN_TYPE}'`,
      );
    }
    if (grantType === "refresh_token") return await refresh(simulator, ctx, form);
    throw new Refusal(400, "unsupported_grant_type", "grant_type is invalid");
  } catch (error) {
    if (error instanceof HttpError)
      return sendOAuthError(ctx, error.status, "invalid_request", error.message);
    if (!(error instanceof Refusal)) throw error;
    simulator.log(`API platform token request refused: ${error.error} (${error.message})`);
    sendOAuthError(ctx, error.status, error.error, error.message);
  }
}
