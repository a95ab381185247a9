/**
 * asserted_login_identity: a short-lived JWT with which one NHS login client (or the NHS App)
 * vouches that a person it has an NHS login session for is moving on to another service.
 */
import { randomUUID } from "node:crypto";
import {
  SignJWT,
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
} from "jose";
import type { ClientRegistry, SimulatorClient } from "./clients";
import type { SigningKey } from "./keys";
import { nowSeconds, type IdTokenRegistry } from "./tokens";

export const MAX_LIFETIME_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

export type AssertionResult =
  | { ok: true; sub: string; authTime: number; issuer: string }
  | { ok: false; status: 400 | 401; reason: string };

function refuse(status: 400 | 401, reason: string): AssertionResult {
  return { ok: false, status, reason };
}

export class AssertedLoginIdentityVerifier {
  readonly #usedJtis = new Map<string, number>();

  constructor(
    private readonly clients: ClientRegistry,
    private readonly idTokens: IdTokenRegistry,
  ) {}

  /**
   * Checks the token. `receiver` is the client it is being presented to at /authorize (it must
   * be paired with the issuer); the settings site passes none.
   */
  async verify(token: string, receiver?: SimulatorClient): Promise<AssertionResult> {
    let header;
    let claims;
    try {
      header = decodeProtectedHeader(token);
      claims = decodeJwt(token);
    } catch {
      return refuse(400, "asserted_login_identity is not a JWT");
    }
    if (header.alg !== "RS512") return refuse(401, "asserted_login_identity must be signed RS512");
    const issuerId = claims.iss;
    const issuer = typeof issuerId === "string" ? this.clients.get(issuerId) : undefined;
    if (!issuerId || !issuer) {
      return refuse(401, "asserted_login_identity iss is not a registered client");
    }
    if (receiver && !receiver.acceptsAssertedLoginIdentityFrom.includes(issuer.clientId)) {
      return refuse(
        401,
        `client ${receiver.clientId} is not paired with ${issuer.clientId} for asserted_login_identity`,
      );
    }
    try {
      await jwtVerify(token, createLocalJWKSet({ keys: issuer.publicKeys }), {
        algorithms: ["RS512"],
        issuer: issuer.clientId,
        requiredClaims: ["iat", "exp", "jti", "code"],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) {
        return refuse(401, "asserted_login_identity has expired");
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        return refuse(401, `asserted_login_identity ${error.message}`);
      }
      return refuse(401, "asserted_login_identity signature does not verify with the issuer's key");
    }
    const { iat, exp, jti, code } = claims as {
      iat: number;
      exp: number;
      jti: unknown;
      code: unknown;
    };
    if (exp - iat > MAX_LIFETIME_SECONDS) {
      return refuse(
        401,
        `asserted_login_identity exp must be at most ${MAX_LIFETIME_SECONDS} s after iat`,
      );
    }
    if (typeof jti !== "string" || typeof code !== "string") {
      return refuse(401, "asserted_login_identity jti and code must be strings");
    }
    const idToken = this.idTokens.find(code);
    if (!idToken || idToken.clientId !== issuer.clientId) {
      return refuse(
        401,
        `asserted_login_identity code is not the jti of an ID token issued to ${issuer.clientId}`,
      );
    }
    if (idToken.exp < nowSeconds()) {
      return refuse(401, "asserted_login_identity code names an expired ID token");
    }
    this.#forgetExpired();
    const replayKey = `${issuer.clientId}:${jti}`;
    if (this.#usedJtis.has(replayKey)) {
      return refuse(401, "asserted_login_identity has already been used");
    }
    this.#usedJtis.set(replayKey, exp + CLOCK_TOLERANCE_SECONDS);
    return { ok: true, sub: idToken.sub, authTime: idToken.authTime, issuer: issuer.clientId };
  }

  #forgetExpired(): void {
    const now = nowSeconds();
    for (const [key, expiry] of this.#usedJtis) if (expiry < now) this.#usedJtis.delete(key);
  }
}

/** Signs an asserted_login_identity token as a client would (used for the NHS App). */
export async function signAssertedLoginIdentity(
  key: SigningKey,
  clientId: string,
  idTokenJti: string,
): Promise<string> {
  const iat = nowSeconds();
  return new SignJWT({ code: idTokenJti })
    .setProtectedHeader({ alg: "RS512", kid: key.kid })
    .setIssuer(clientId)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + MAX_LIFETIME_SECONDS)
    .sign(key.privateKey);
}
