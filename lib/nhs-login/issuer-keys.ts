import { createRemoteJWKSet, customFetch, type JWTVerifyGetKey } from "jose";
import { fetchFromNhsLogin } from "./traced-fetch";

/**
 * NHS login's signing keys, fetched once and kept. A token signed with a key the portal has not
 * seen causes one re-fetch, at most once per cooldown, so a key rotation is picked up without
 * letting forged `kid`s turn the portal into a JWKS request flood.
 */
export const JWKS_COOLDOWN_MS = 5_000;
const JWKS_CACHE_MAX_AGE_MS = 10 * 60_000;

const keySets = new Map<string, JWTVerifyGetKey>();

export function issuerKeys(jwksUri: string, timeoutMs: number): JWTVerifyGetKey {
  let keys = keySets.get(jwksUri);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(jwksUri), {
      timeoutDuration: timeoutMs,
      cooldownDuration: JWKS_COOLDOWN_MS,
      cacheMaxAge: JWKS_CACHE_MAX_AGE_MS,
      [customFetch]: (url, init) => fetchFromNhsLogin("keys", url, init),
    });
    keySets.set(jwksUri, keys);
  }
  return keys;
}
