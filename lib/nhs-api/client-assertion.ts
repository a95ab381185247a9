import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import type { PlatformApplication } from "./settings";

/** The platform refuses an `exp` more than 5 minutes ahead; a shorter life leaves room for clock drift. */
const LIFETIME_SECONDS = 180;

/**
 * The signed JWT that authenticates the application at the token endpoint: RS512, `typ` JWT,
 * the registered key's `kid`; `iss` = `sub` = the API key, `aud` the token URL, a fresh `jti`.
 */
export async function clientAssertion(
  application: PlatformApplication,
  audience: string,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS512", typ: "JWT", kid: application.keyId })
    .setIssuer(application.apiKey)
    .setSubject(application.apiKey)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + LIFETIME_SECONDS)
    .sign(application.privateKey);
}
