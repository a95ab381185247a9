import { generateKeyPairSync } from "node:crypto";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import {
  REDIRECT_URI,
  SECOND_CLIENT_ID,
  clientAssertion,
  codeFor,
  exchange,
  tokenRequest,
  type AssertionOverrides,
  simulatorForFile,
} from "./helpers";

const world = simulatorForFile();

const ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

async function exchangeWith(overrides: AssertionOverrides) {
  const { code } = await codeFor(world.issuer, "p9");
  return tokenRequest(world.issuer, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    client_assertion_type: ASSERTION_TYPE,
    client_assertion: await clientAssertion(world.issuer, world.key, overrides),
  });
}

describe("client authentication (private_key_jwt, RS512 only)", () => {
  it("accepts aud as the token endpoint, or as an array containing it", async () => {
    expect((await exchangeWith({})).status).toBe(200);
    const both = await exchangeWith({ claims: { aud: [world.issuer, `${world.issuer}/token`] } });
    expect(both.status).toBe(200);
    expect(both.headers.get("cache-control")).toBe("no-store");
  });

  it.each<[string, AssertionOverrides]>([
    ["signed RS256", { alg: "RS256" }],
    ["signed PS512", { alg: "PS512" }],
    ["aud only the issuer", { claims: { aud: "ISSUER" } }],
    ["aud another URL", { claims: { aud: "https://example.com/token" } }],
    ["no exp", { claims: { exp: undefined } }],
    ["exp more than 5 minutes ahead", { claims: { exp: Math.floor(Date.now() / 1000) + 600 } }],
    ["expired", { claims: { exp: Math.floor(Date.now() / 1000) - 60 } }],
    ["sub not the client id", { claims: { sub: "someone-else" } }],
    ["iss not the client id", { claims: { iss: SECOND_CLIENT_ID } }],
    ["no jti", { claims: { jti: undefined } }],
    [
      "signed with another key",
      { key: generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey },
    ],
  ])("refuses an assertion %s with invalid_client", async (_label, overrides) => {
    if (overrides.claims?.aud === "ISSUER") overrides.claims.aud = world.issuer;
    const response = await exchangeWith(overrides);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_client");
  });

  it("refuses a replayed assertion (jti single use)", async () => {
    const assertion = await clientAssertion(world.issuer, world.key);
    const first = await codeFor(world.issuer, "p9");
    const second = await codeFor(world.issuer, "p9");
    const fields = {
      grant_type: "authorization_code",
      redirect_uri: REDIRECT_URI,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: assertion,
    };
    expect((await tokenRequest(world.issuer, { ...fields, code: first.code })).status).toBe(200);
    const replay = await tokenRequest(world.issuer, { ...fields, code: second.code });
    expect(replay.body.error).toBe("invalid_client");
  });

  it("refuses client secrets and missing authentication", async () => {
    const { code } = await codeFor(world.issuer, "p9");
    const secret = await tokenRequest(world.issuer, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_id: "test-client",
      client_secret: "secret",
    });
    expect(secret.body.error).toBe("invalid_client");
    const none = await tokenRequest(world.issuer, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_id: "test-client",
    });
    expect(none.body.error).toBe("invalid_client");
  });
});

describe("authorization codes", () => {
  it("are single use, and a replay revokes what the code gave", async () => {
    const { code } = await codeFor(world.issuer, "p9");
    const first = await exchange(world.issuer, world.key, code);
    expect(first.status).toBe(200);
    const replay = await exchange(world.issuer, world.key, code);
    expect(replay.status).toBe(400);
    expect(replay.body.error).toBe("invalid_grant");
    const userinfo = await fetch(`${world.issuer}/userinfo`, {
      headers: { authorization: `Bearer ${String(first.body.access_token)}` },
    });
    expect(userinfo.status).toBe(401);
  });

  it("are bound to the redirect_uri", async () => {
    const { code } = await codeFor(world.issuer, "p9");
    const response = await exchange(world.issuer, world.key, code, {
      redirect_uri: "http://127.0.0.1:3999/other",
    });
    expect(response.body.error).toBe("invalid_grant");
  });

  it("are bound to the client", async () => {
    const { code } = await codeFor(world.issuer, "p9");
    const response = await tokenRequest(world.issuer, {
      grant_type: "authorization_code",
      code,
      redirect_uri: REDIRECT_URI,
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: await clientAssertion(world.issuer, world.secondKey, {}, SECOND_CLIENT_ID),
    });
    expect(response.body.error).toBe("invalid_grant");
  });

  it("carry the nonce and a fresh jti into the ID token", async () => {
    const { code, nonce } = await codeFor(world.issuer, "p9");
    const claims = decodeJwt(String((await exchange(world.issuer, world.key, code)).body.id_token));
    expect(claims.nonce).toBe(nonce);
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/);
    for (const absent of [
      "acr",
      "amr",
      "azp",
      "at_hash",
      "sid",
      "given_name",
      "email",
      "phone_number",
    ]) {
      expect(claims).not.toHaveProperty(absent);
    }
  });
});

describe("refresh tokens", () => {
  it("are not issued to clients not set up for them", async () => {
    const { code } = await codeFor(world.issuer, "p9");
    expect((await exchange(world.issuer, world.key, code)).body.refresh_token).toBeUndefined();
  });

  it("are issued to clients set up for them, rotate, and bring no new ID token", async () => {
    const { code } = await codeFor(world.issuer, "p9", {
      client_id: SECOND_CLIENT_ID,
      redirect_uri: "http://127.0.0.1:3998/callback",
      scope: "openid email",
      vtr: '["P9.Cp.Cd"]',
    });
    const auth = async () => ({
      client_assertion_type: ASSERTION_TYPE,
      client_assertion: await clientAssertion(world.issuer, world.secondKey, {}, SECOND_CLIENT_ID),
    });
    const first = await tokenRequest(world.issuer, {
      grant_type: "authorization_code",
      code,
      redirect_uri: "http://127.0.0.1:3998/callback",
      ...(await auth()),
    });
    const refreshToken = String(first.body.refresh_token);
    expect(refreshToken).toBeTruthy();
    const refreshed = await tokenRequest(world.issuer, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      ...(await auth()),
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.id_token).toBeUndefined();
    expect(refreshed.body.refresh_token).toBeTruthy();
    expect(refreshed.body.refresh_token).not.toBe(refreshToken);
    expect(decodeJwt(String(refreshed.body.access_token)).sub).toBe(
      decodeJwt(String(first.body.id_token)).sub,
    );
    const reused = await tokenRequest(world.issuer, {
      grant_type: "refresh_token",
      refresh_token: refreshToken,
      ...(await auth()),
    });
    expect(reused.body.error).toBe("invalid_grant");
  });
});
