import { createSecretKey, hkdfSync, type KeyObject } from "node:crypto";
import { EncryptJWT, jwtDecrypt, type JWTPayload } from "jose";

/**
 * Authenticated encryption for the portal's cookies (JWE, dir + A256GCM). The key is derived
 * from AUTH_SECRET once per purpose and kept, instead of on every request: that derivation is
 * most of what decoding a session cookie otherwise costs.
 */
export interface CookieCodec {
  encode(payload: JWTPayload, maxAgeSeconds: number): Promise<string>;
  decode(token: string): Promise<JWTPayload | null>;
}

const keys = new Map<string, KeyObject>();

function keyFor(secret: string, purpose: string): KeyObject {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const bytes = hkdfSync(
      "sha256",
      secret,
      purpose,
      `NHS login portal cookie key (${purpose})`,
      32,
    );
    key = createSecretKey(Buffer.from(bytes));
    keys.set(id, key);
  }
  return key;
}

export function cookieCodec(secret: string, purpose: string): CookieCodec {
  const key = keyFor(secret, purpose);
  return {
    encode: (payload, maxAgeSeconds) =>
      new EncryptJWT(payload)
        .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
        .setIssuedAt()
        .setExpirationTime(`${maxAgeSeconds}s`)
        .encrypt(key),
    async decode(token) {
      try {
        const { payload } = await jwtDecrypt(token, key, {
          keyManagementAlgorithms: ["dir"],
          contentEncryptionAlgorithms: ["A256GCM"],
        });
        return payload;
      } catch {
        return null;
      }
    },
  };
}
