import { Auth, raw, skipCSRFCheck, type AuthConfig } from "@auth/core";
import { AuthError } from "next-auth";
import { getConfig, type Config } from "./config";
import { patientFromClaims, userInfoSchema } from "./nhs-login/claims";
import { toRs512SigningKey } from "./nhs-login/client-key";
import { IdTokenError, verifyIdToken } from "./nhs-login/id-token";
import { issuerKeys } from "./nhs-login/issuer-keys";
import { getNhsLoginMetadata, type NhsLoginMetadata } from "./nhs-login/metadata";
import { NHS_LOGIN_PROVIDER_ID, NhsLogin } from "./nhs-login/provider";
import type { Vector } from "nhs-login-vocabulary";
import type { NewSession } from "./session/sessions";

/**
 * next-auth runs the OAuth flow with NHS login: the authorization request with PKCE and nonce,
 * and on the way back the code exchange with private_key_jwt, userinfo, and the checks of both.
 * Its engine (`@auth/core`, the exact version next-auth pins) is called directly, with a
 * configuration made for each request and in "raw" mode, so that results and failures come back
 * as values instead of cookies set and redirects made on the side (docs/decisions/0008).
 */
const BASE_PATH = "/api/auth";

/** Auth.js's own cookies never reach a browser: each sign-in attempt carries them. */
const ENGINE_COOKIES = {
  pkceCodeVerifier: "authjs.pkce.code_verifier",
  nonce: "authjs.nonce",
} as const;

/** The PKCE verifier and nonce of one authorization request, sealed by Auth.js. */
export type SignInChecks = Record<string, string>;

let signingKey: Promise<CryptoKey> | undefined;
export function clientSigningKey(): Promise<CryptoKey> {
  signingKey ??= toRs512SigningKey(getConfig().nhsLogin.privateKey);
  return signingKey;
}

/** What a callback must match: what this sign-in asked NHS login for. */
export interface SignInExpectations {
  vectors: readonly Vector[];
  /** A fresh authentication is required: not older than this (seconds). */
  authenticatedSince?: number;
  /** Nor the log-in with this `auth_time`, which was logged out. */
  authenticatedAfter?: number;
}

/** Why a sign-in did not complete, as the person is told and the log records. */
export type SignInFailure =
  | { kind: "refused"; reason: string }
  /** NHS login (or its keys) did not answer: worth trying again later. */
  | { kind: "unavailable"; reason: string }
  /** NHS login reused an earlier log-in when a fresh one was needed. */
  | { kind: "reauthentication-required"; reason: string };

export type SignInResult =
  { ok: true; session: NewSession } | { ok: false; failure: SignInFailure };

/** A sign-in the portal's own checks refused; an AuthError, so Auth.js hands it back as it is. */
class SignInRefused extends AuthError {
  static type = "SignInRefused";
  constructor(readonly failure: string) {
    super(failure);
  }
}

function engineConfig(
  config: Config,
  metadata: NhsLoginMetadata,
  key: CryptoKey,
  callbacks: AuthConfig["callbacks"] = {},
  onError: (error: Error) => void = () => {},
): AuthConfig {
  const { nhsLogin } = config;
  return {
    basePath: BASE_PATH,
    secret: [...config.auth.secrets],
    trustHost: true,
    providers: [
      NhsLogin({
        clientId: nhsLogin.clientId,
        signingKey: key,
        metadata,
        scopes: nhsLogin.scopes,
        pkce: nhsLogin.pkce,
        timeoutMs: nhsLogin.timeoutMs,
      }),
    ],
    cookies: Object.fromEntries(
      Object.entries(ENGINE_COOKIES).map(([cookie, name]) => [cookie, { name, options: {} }]),
    ),
    // The portal opens its own session from what the sign-in verified (lib/session/).
    session: { strategy: "jwt" },
    jwt: { encode: async () => "", decode: async () => null },
    callbacks,
    // Failures come back as values and are logged once, with their reference, by the caller.
    logger: { error: onError, warn() {}, debug() {} },
  };
}

/**
 * The address to send a person to at NHS login, with Auth.js's sealed PKCE verifier and nonce
 * for the callback. `params` are the authorization parameters of this sign-in (state, vtr,
 * prompt…). Throws NhsLoginUnavailableError when NHS login's discovery document is out of reach.
 */
export async function authorizationRequest(
  publicOrigin: string,
  params: Record<string, string>,
): Promise<{ url: string; checks: SignInChecks }> {
  const config = getConfig();
  const metadata = await getNhsLoginMetadata(config.nhsLogin.issuer, config.nhsLogin.timeoutMs);
  const request = new Request(
    `${publicOrigin}${BASE_PATH}/signin/${NHS_LOGIN_PROVIDER_ID}?${new URLSearchParams(params)}`,
    {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ callbackUrl: publicOrigin }),
    },
  );
  const result = await Auth(request, {
    ...engineConfig(config, metadata, await clientSigningKey()),
    raw,
    skipCSRFCheck,
  });
  const checks = Object.fromEntries(
    (result.cookies ?? [])
      .filter(
        ({ name }) => name === ENGINE_COOKIES.pkceCodeVerifier || name === ENGINE_COOKIES.nonce,
      )
      .map(({ name, value }) => [name, value]),
  );
  if (!result.redirect) throw new Error("Auth.js made no authorization request");
  return { url: result.redirect, checks };
}

/**
 * Completes a sign-in from NHS login's answer at the callback: Auth.js exchanges the code and
 * fetches userinfo, and the portal verifies the ID token against what this sign-in asked for.
 * The result is what the session will hold, or why there is none.
 */
export async function completeSignIn(options: {
  callbackUrl: URL;
  checks: SignInChecks;
  expected: SignInExpectations;
}): Promise<SignInResult> {
  const config = getConfig();
  let metadata: NhsLoginMetadata;
  try {
    metadata = await getNhsLoginMetadata(config.nhsLogin.issuer, config.nhsLogin.timeoutMs);
  } catch (error) {
    return { ok: false, failure: { kind: "unavailable", reason: describe(error) } };
  }
  // Auth.js hands what it received to its `jwt` callback; what the portal makes of it is kept here.
  let verified: NewSession | undefined;
  const verify: NonNullable<AuthConfig["callbacks"]>["jwt"] = async ({ account, profile }) => {
    verified = await verifySignIn(config, metadata, options.expected, account, profile);
    return {};
  };
  const cookie = Object.entries(options.checks)
    .map(([name, value]) => `${name}=${value}`)
    .join("; ");
  const request = new Request(options.callbackUrl, { headers: { cookie } });
  // Auth.js throws only some of its failures in raw mode and answers the rest with a redirect to
  // its own error page; its logger still hears of every one.
  let failed: Error | undefined;
  try {
    await Auth(request, {
      ...engineConfig(config, metadata, await clientSigningKey(), { jwt: verify }, (error) => {
        failed ??= error;
      }),
      raw,
    });
    if (verified) return { ok: true, session: verified };
    return {
      ok: false,
      failure: failed ? classify(failed) : { kind: "refused", reason: "nothing-verified" },
    };
  } catch (error) {
    return { ok: false, failure: classify(error) };
  }
}

/** The portal's own checks of a sign-in, once Auth.js has exchanged the code and read userinfo. */
async function verifySignIn(
  config: Config,
  metadata: NhsLoginMetadata,
  expected: SignInExpectations,
  account: { id_token?: string } | null | undefined,
  profile: unknown,
): Promise<NewSession> {
  if (!account?.id_token) throw new SignInRefused("no-id-token");
  let verified;
  try {
    verified = await verifyIdToken(
      account.id_token,
      issuerKeys(metadata.jwks_uri, config.nhsLogin.timeoutMs),
      {
        issuer: metadata.issuer,
        clientId: config.nhsLogin.clientId,
        requestedVectors: expected.vectors,
        authenticatedSince: expected.authenticatedSince,
        authenticatedAfter: expected.authenticatedAfter,
      },
    );
  } catch (error) {
    throw error instanceof IdTokenError ? new SignInRefused(error.failure) : error;
  }
  const userInfo = userInfoSchema.safeParse(profile);
  if (!userInfo.success) throw new SignInRefused("userinfo-malformed");
  let patient;
  try {
    patient = patientFromClaims(verified.claims, verified.vot, userInfo.data);
  } catch {
    throw new SignInRefused("claims-refused");
  }
  return {
    patient,
    idTokenJti: verified.claims.jti,
    authTime: verified.claims.auth_time ?? verified.claims.iat,
    nhsLogin: { idToken: account.id_token },
  };
}

/** Sorts what went wrong into what the person can do about it. */
function classify(error: unknown): SignInFailure {
  const cause = causeOf(error);
  if (cause instanceof SignInRefused) {
    if (cause.failure === "keys-unavailable") return { kind: "unavailable", reason: cause.failure };
    if (cause.failure === "authentication-too-old") {
      return { kind: "reauthentication-required", reason: cause.failure };
    }
    return { kind: "refused", reason: cause.failure };
  }
  return { kind: isUnavailable(cause) ? "unavailable" : "refused", reason: describe(cause) };
}

/** Auth.js wraps what it did not throw itself: the original error is its cause's `err`. */
function causeOf(error: unknown): unknown {
  if (error instanceof SignInRefused || !(error instanceof AuthError)) return error;
  const cause = error.cause as { err?: unknown } | undefined;
  return cause?.err ?? error;
}

/**
 * oauth4webapi's errors carry a stable `code`, and NHS login's OAuth `error` when it sent one;
 * class names do not survive the production build's minification. Messages are fixed text.
 */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return "unknown";
  const { code, error: oauthError } = error as { code?: unknown; error?: unknown };
  const label = [
    typeof code === "string" ? code : error.name,
    typeof oauthError === "string" && oauthError,
  ]
    .filter(Boolean)
    .join(" ");
  return `${label}: ${error.message}`.slice(0, 200);
}

/** NHS login did not answer, or answered with a server error: worth trying again later. */
function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { status, cause } = error as { status?: unknown; cause?: unknown };
  if (cause instanceof Response && cause.status >= 500) return true;
  return (
    error.name === "TimeoutError" ||
    error.name === "AbortError" ||
    error.name === "NhsLoginUnavailableError" ||
    (typeof status === "number" && status >= 500) ||
    /fetch failed|ECONNREFUSED|status code 5\d\d/i.test(error.message)
  );
}
