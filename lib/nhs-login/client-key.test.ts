import { generateKeyPairSync, webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ClientKeyError, parseClientPrivateKey, toRs512SigningKey } from "./client-key";

function rsaPem(bits: number, format: "pkcs8" | "pkcs1" = "pkcs8") {
  return generateKeyPairSync("rsa", {
    modulusLength: bits,
    privateKeyEncoding: { type: format, format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
}

describe("client key", () => {
  const { privateKey, publicKey } = rsaPem(2048);

  it("accepts a 2048-bit RSA private key in PKCS#8 and PKCS#1", () => {
    expect(parseClientPrivateKey(privateKey).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(parseClientPrivateKey(rsaPem(2048, "pkcs1").privateKey).asymmetricKeyType).toBe("rsa");
  });

  it("refuses a public key where the private one belongs", () => {
    expect(() => parseClientPrivateKey(publicKey)).toThrow(/public key/);
  });

  it("refuses a key shorter than 2048 bits", () => {
    expect(() => parseClientPrivateKey(rsaPem(1024).privateKey)).toThrow(/1024 bits/);
  });

  it("refuses a key that is not RSA", () => {
    const { privateKey: ec } = generateKeyPairSync("ec", {
      namedCurve: "P-256",
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    expect(() => parseClientPrivateKey(ec)).toThrow(/ec key; NHS login needs an RSA key/);
  });

  it("refuses text that is not a key", () => {
    expect(() => parseClientPrivateKey("not a key")).toThrow(ClientKeyError);
  });

  it("signs with RS512", async () => {
    const key = await toRs512SigningKey(parseClientPrivateKey(privateKey));
    expect(key.algorithm).toMatchObject({ name: "RSASSA-PKCS1-v1_5", hash: { name: "SHA-512" } });
    const signature = await webcrypto.subtle.sign("RSASSA-PKCS1-v1_5", key, new Uint8Array([1]));
    expect(signature.byteLength).toBe(256);
  });
});
