import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Authenticated encryption for what the portal seals (its cookies, and the session records it
 * keeps in the store): compact JWE with `dir` + `A256GCM`. The key is derived from AUTH_SECRET
 * once per purpose and kept. Encryption and decryption use node:crypto directly and
 * synchronously: this runs on every request, and a general JOSE library's asynchronous
 * WebCrypto path costs twenty times as much for the one format used here.
 */
export interface CookieCodec {
  encode(payload: Record<string, unknown>, maxAgeSeconds: number): string;
  decode(token: string): Record<string, unknown> | null;
}

const HEADER = Buffer.from(JSON.stringify({ alg: "dir", enc: "A256GCM" })).toString("base64url");
const IV_BYTES = 12;
const TAG_BYTES = 16;
const keys = new Map<string, Buffer>();

function keyFor(secret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = Buffer.from(
      hkdfSync("sha256", secret, purpose, `NHS login portal cookie key (${purpose})`, 32),
    );
    keys.set(id, key);
  }
  return key;
}

function encrypt(key: Buffer, payload: Record<string, unknown>, maxAgeSeconds: number) {
  const now = Math.floor(Date.now() / 1000);
  const plaintext = JSON.stringify({ ...payload, iat: now, exp: now + maxAgeSeconds });
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(HEADER, "ascii"));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    HEADER,
    "",
    iv.toString("base64url"),
    ciphertext.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
  ].join(".");
}

function decrypt(key: Buffer, token: string): Record<string, unknown> | null {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== HEADER || parts[1] !== "") return null;
  const iv = Buffer.from(parts[2]!, "base64url");
  const tag = Buffer.from(parts[4]!, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) return null;
  let payload: unknown;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(HEADER, "ascii"));
    decipher.setAuthTag(tag);
    const plaintext = Buffer.concat([
      decipher.update(Buffer.from(parts[3]!, "base64url")),
      decipher.final(),
    ]);
    payload = JSON.parse(plaintext.toString("utf8"));
  } catch {
    return null;
  }
  if (typeof payload !== "object" || payload === null) return null;
  const { exp } = payload as { exp?: unknown };
  if (typeof exp !== "number" || exp <= Date.now() / 1000) return null;
  return payload as Record<string, unknown>;
}

/**
 * AUTH_SECRET, or while it is being rotated, the secret that seals first and then the others
 * that still open what they sealed (AUTH_SECRETS_ACCEPTED).
 */
export type Secrets = string | readonly [string, ...string[]];

export function cookieCodec(secrets: Secrets, purpose: string): CookieCodec {
  const [sealing, ...others] = typeof secrets === "string" ? [secrets] : secrets;
  const key = keyFor(sealing, purpose);
  const opening = [key, ...others.map((secret) => keyFor(secret, purpose))];
  return {
    encode: (payload, maxAgeSeconds) => encrypt(key, payload, maxAgeSeconds),
    decode: (token) => {
      for (const each of opening) {
        const payload = decrypt(each, token);
        if (payload) return payload;
      }
      return null;
    },
  };
}
