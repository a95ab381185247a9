import { createPrivateKey, type KeyObject } from "node:crypto";

/** Why a PEM cannot serve as an NHS login client key, in words a team can act on. */
export class ClientKeyError extends Error {}

const MINIMUM_MODULUS_BITS = 2048;

/**
 * Reads and checks the client's private key: NHS login requires an RSA key of at least 2048 bits,
 * used to sign client assertions (private_key_jwt) and asserted_login_identity tokens with RS512.
 */
export function parseClientPrivateKey(pem: string): KeyObject {
  if (/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem) || /-----BEGIN CERTIFICATE-----/.test(pem)) {
    throw new ClientKeyError(
      "is a public key or certificate; it must be the private key (the public one is what you send to NHS login)",
    );
  }
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: "pem" });
  } catch {
    throw new ClientKeyError("is not a readable PEM private key (PKCS#8 or PKCS#1)");
  }
  if (key.asymmetricKeyType !== "rsa") {
    throw new ClientKeyError(
      `is a ${key.asymmetricKeyType ?? "non-RSA"} key; NHS login needs an RSA key (run npm run keys)`,
    );
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MINIMUM_MODULUS_BITS) {
    throw new ClientKeyError(
      `is ${bits} bits; NHS login needs at least ${MINIMUM_MODULUS_BITS} (run npm run keys)`,
    );
  }
  return key;
}

/** The same key as a WebCrypto RS512 signing key, the form the OAuth client library signs with. */
export async function toRs512SigningKey(key: KeyObject): Promise<CryptoKey> {
  const der = key.export({ type: "pkcs8", format: "der" });
  return crypto.subtle.importKey(
    "pkcs8",
    der,
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
    false,
    ["sign"],
  );
}
