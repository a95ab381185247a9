import { generateKeyPairSync, createSecretKey } from "node:crypto";
import { createLocalJWKSet, exportJWK, SignJWT, type JWTPayload } from "jose";
import { describe, expect, it } from "vitest";
import { verifyIdToken, type IdTokenExpectations } from "./id-token";

const issuer = "https://auth.sandpit.signin.nhs.uk";
const clientId = "portal";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const other = generateKeyPairSync("rsa", { modulusLength: 2048 });

const jwk = { ...(await exportJWK(publicKey)), kid: "key-1", alg: "RS512", use: "sig" };
const keys = createLocalJWKSet({ keys: [jwk] });

const expected: IdTokenExpectations = {
  issuer,
  clientId,
  requestedVectors: ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"],
};

function claims(overrides: JWTPayload = {}): JWTPayload {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: issuer,
    sub: "49f470a1-cc52-49b7-beba-0f9cec937c46",
    aud: clientId,
    iat: now,
    exp: now + 3600,
    jti: "a3c2e5f3-0000-4000-8000-000000000001",
    nonce: "n-0S6",
    vot: "P9.Cp.Cd",
    vtm: `${issuer}/trustmark/auth.sandpit.signin.nhs.uk`,
    auth_time: now,
    ...overrides,
  };
}

function sign(payload: JWTPayload, key = privateKey, header = { alg: "RS512", kid: "key-1" }) {
  return new SignJWT(payload).setProtectedHeader(header).sign(key);
}

describe("ID token verification", () => {
  it("accepts a token NHS login would issue, returning its claims and vot", async () => {
    const result = await verifyIdToken(await sign(claims()), keys, expected);
    expect(result.vot).toBe("P9.Cp.Cd");
    expect(result.claims.sub).toBe("49f470a1-cc52-49b7-beba-0f9cec937c46");
  });

  it("accepts an audience list that contains the client", async () => {
    const token = await sign(claims({ aud: ["someone-else", clientId] }));
    await expect(verifyIdToken(token, keys, expected)).resolves.toBeDefined();
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    ["a wrong issuer", claims({ iss: "https://evil.example" }), "issuer"],
    ["another audience", claims({ aud: "another-client" }), "audience"],
    ["an expired token", claims({ iat: now - 7200, exp: now - 3600 }), "expired"],
    ["iat in the future", claims({ iat: now + 600 }), "issued-in-future"],
    ["a vot not requested", claims({ vot: "P5.Cp.Cd" }), "vot-not-requested"],
    ["an unknown vot", claims({ vot: "P9.Ca.Cc" }), "vot-not-requested"],
    ["no vot", claims({ vot: undefined }), "vot-missing"],
    ["no jti", claims({ jti: undefined }), "claims"],
  ])("refuses %s", async (_, payload, failure) => {
    await expect(verifyIdToken(await sign(payload), keys, expected)).rejects.toMatchObject({
      failure,
    });
  });

  it("requires a fresh authentication when asked, allowing for clock skew only", async () => {
    const fresh = { ...expected, authenticatedSince: now };
    await expect(
      verifyIdToken(await sign(claims({ auth_time: now - 3 })), keys, fresh),
    ).resolves.toBeDefined();
    for (const payload of [claims({ auth_time: now - 10 }), claims({ auth_time: now - 3600 })]) {
      await expect(verifyIdToken(await sign(payload), keys, fresh)).rejects.toMatchObject({
        failure: "authentication-too-old",
      });
    }
    // NHS login need not send it; without it the check cannot be made, and says so.
    await expect(
      verifyIdToken(await sign(claims({ auth_time: undefined })), keys, fresh),
    ).rejects.toMatchObject({ failure: "auth-time-missing" });
    // Without the requirement, NHS login's single sign-on may reuse an earlier log-in.
    await expect(
      verifyIdToken(await sign(claims({ auth_time: now - 3600 })), keys, expected),
    ).resolves.toBeDefined();
  });

  it("refuses the very log-in that was logged out, however recent", async () => {
    const loggedOut = { ...expected, authenticatedAfter: now - 2 };
    await expect(
      verifyIdToken(await sign(claims({ auth_time: now - 2 })), keys, loggedOut),
    ).rejects.toMatchObject({ failure: "authentication-too-old" });
    await expect(
      verifyIdToken(await sign(claims({ auth_time: now - 1 })), keys, loggedOut),
    ).resolves.toBeDefined();
  });

  it("refuses a signature by another key", async () => {
    const token = await sign(claims(), other.privateKey);
    await expect(verifyIdToken(token, keys, expected)).rejects.toMatchObject({
      failure: "signature",
    });
  });

  it("refuses an unknown kid", async () => {
    const token = await sign(claims(), privateKey, { alg: "RS512", kid: "key-2" });
    await expect(verifyIdToken(token, keys, expected)).rejects.toMatchObject({
      failure: "unknown-key",
    });
  });

  it("refuses RS256, even with the right key", async () => {
    const token = await sign(claims(), privateKey, { alg: "RS256", kid: "key-1" });
    await expect(verifyIdToken(token, keys, expected)).rejects.toMatchObject({
      failure: "algorithm",
    });
  });

  it("refuses an unsigned token (alg none)", async () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    const token = `${encode({ alg: "none" })}.${encode(claims())}.`;
    await expect(verifyIdToken(token, keys, expected)).rejects.toMatchObject({
      failure: "algorithm",
    });
  });

  it("refuses an HMAC token keyed with the public key", async () => {
    const secret = createSecretKey(Buffer.from(publicKey.export({ type: "spki", format: "pem" })));
    const token = await sign(claims(), secret as never, { alg: "HS512", kid: "key-1" });
    await expect(verifyIdToken(token, keys, expected)).rejects.toMatchObject({
      failure: "algorithm",
    });
  });
});
