import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";

/** NHS login accepts an asserted_login_identity for at most this long after it is issued. */
const LIFETIME_SECONDS = 60;

/**
 * Signs an asserted_login_identity: proof, from a service that already holds the person's
 * NHS login session, that lets another service or the settings site skip a second log-in.
 * `code` is the `jti` of the ID token NHS login gave this client.
 */
export function createAssertedLoginIdentity(options: {
  clientId: string;
  signingKey: CryptoKey;
  idTokenJti: string;
}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ code: options.idTokenJti })
    .setProtectedHeader({ alg: "RS512", typ: "JWT" })
    .setIssuer(options.clientId)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + LIFETIME_SECONDS)
    .sign(options.signingKey);
}
