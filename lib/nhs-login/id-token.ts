import { errors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { idTokenClaimsSchema, type IdTokenClaims } from "./claims";
import { isVector, type Vector } from "nhs-login-vocabulary";

/** Why an ID token was refused; logged as is, so it never carries token content. */
export type IdTokenFailure =
  | "algorithm"
  | "signature"
  | "unknown-key"
  | "keys-unavailable"
  | "issuer"
  | "audience"
  | "expired"
  | "issued-in-future"
  | "claims"
  | "vot-missing"
  | "vot-not-requested"
  | "authentication-too-old"
  | "auth-time-missing";

export class IdTokenError extends Error {
  constructor(readonly failure: IdTokenFailure) {
    super(`ID token refused: ${failure}`);
    this.name = "IdTokenError";
  }
}

export interface IdTokenExpectations {
  issuer: string;
  clientId: string;
  /** The vectors asked for in this sign-in's authorization request. */
  requestedVectors: readonly Vector[];
  /**
   * When the person must have authenticated afresh (seconds, the portal's clock): NHS login's
   * single sign-on may otherwise hand back an earlier log-in, for example after a log-out on a
   * shared computer.
   */
  authenticatedSince?: number;
  /**
   * The `auth_time` of a log-in that must not be handed back (NHS login's own clock, so the
   * comparison is exact): the one whose session was logged out in this browser.
   */
  authenticatedAfter?: number;
  clockToleranceSeconds?: number;
  now?: Date;
}

export interface VerifiedIdToken {
  claims: IdTokenClaims;
  vot: Vector;
}

const CLOCK_TOLERANCE_SECONDS = 30;
/** NHS login's clock against the portal's, for `auth_time`: a log-in takes longer than this. */
const AUTH_TIME_TOLERANCE_SECONDS = 5;

/**
 * Checks an ID token the way NHS login requires of its partners: RS512 signature by a key from
 * the issuer's JWKS, issuer, audience, lifetime, a `vot` that this sign-in asked for, and when
 * asked, an authentication no older than the sign-in. (The nonce is checked by the OAuth client
 * library as it receives the token: see lib/auth.ts.)
 */
export async function verifyIdToken(
  idToken: string,
  keys: JWTVerifyGetKey,
  expected: IdTokenExpectations,
): Promise<VerifiedIdToken> {
  const tolerance = expected.clockToleranceSeconds ?? CLOCK_TOLERANCE_SECONDS;
  const now = expected.now ?? new Date();
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(idToken, keys, {
      algorithms: ["RS512"],
      issuer: expected.issuer,
      audience: expected.clientId,
      clockTolerance: tolerance,
      currentDate: now,
      requiredClaims: ["sub", "exp", "iat", "jti"],
    }));
  } catch (error) {
    throw new IdTokenError(failureOf(error));
  }
  const parsed = idTokenClaimsSchema.safeParse(payload);
  if (!parsed.success) {
    const votMissing = parsed.error.issues.some((issue) => issue.path[0] === "vot");
    throw new IdTokenError(votMissing ? "vot-missing" : "claims");
  }
  const claims = parsed.data;
  if (claims.iat > now.getTime() / 1000 + tolerance) throw new IdTokenError("issued-in-future");
  const vot = claims.vot;
  if (!isVector(vot) || !expected.requestedVectors.includes(vot)) {
    throw new IdTokenError("vot-not-requested");
  }
  const { authenticatedSince: since, authenticatedAfter: after } = expected;
  if (since !== undefined || after !== undefined) {
    // Without it, a fresh log-in cannot be told from single sign-on: refused (decision 0014).
    if (claims.auth_time === undefined) throw new IdTokenError("auth-time-missing");
    if (
      (since !== undefined && claims.auth_time < since - AUTH_TIME_TOLERANCE_SECONDS) ||
      (after !== undefined && claims.auth_time <= after)
    ) {
      throw new IdTokenError("authentication-too-old");
    }
  }
  return { claims, vot };
}

function failureOf(error: unknown): IdTokenFailure {
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return "algorithm";
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return "signature";
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return "unknown-key";
  }
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return "keys-unavailable";
  }
  if (error instanceof errors.JWTExpired) return "expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "issuer";
    if (error.claim === "aud") return "audience";
    if (error.claim === "iat" || error.claim === "nbf") return "issued-in-future";
    return "claims";
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return "claims";
  // Fetching the JWKS failed (network, HTTP status): the keys are unavailable, not the token bad.
  return "keys-unavailable";
}
