/**
 * The packed simulator, installed from its tarball into an empty folder and started with its own
 * command, drives complete flows for clients that are not the portal: openid-client (a certified
 * relying-party library) and a Python client made of the standard library only.
 */
import { execFile } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { createRemoteJWKSet, decodeProtectedHeader, exportJWK, jwtVerify } from "jose";
import { ID_TOKEN_CLAIMS, isValidNhsNumber, type Vector } from "nhs-login-vocabulary";
import * as oidc from "openid-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packAndInstall, startInstalled, type Installed, type Started } from "./packed";

const CLIENT_ID = "another-stack";
const REDIRECT_URI = "http://127.0.0.1:8999/callback";
const VECTORS: Vector[] = ["P5.Cp.Cd", "P9.Cp.Cd", "P9.Cm"];
const SCOPE = "openid profile email phone gp_registration_details";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KID = "another-stack-key-1";

let installed: Installed;
let simulator: Started;

beforeAll(async () => {
  installed = await packAndInstall();
  writeFileSync(
    join(installed.folder, "clients.json"),
    JSON.stringify({
      clients: [
        {
          clientId: CLIENT_ID,
          name: "A service on another stack",
          redirectUris: [REDIRECT_URI],
          scopes: SCOPE.split(" "),
          vectors: VECTORS,
          publicKey: { ...(await exportJWK(publicKey)), kid: KID },
        },
      ],
    }),
  );
  simulator = await startInstalled(installed, [
    "--keys-file",
    "memory",
    "--no-local-client",
    "--clients-file",
    "clients.json",
    "--mode",
    "headless",
    "--persona",
    "p9",
  ]);
  // Reported, not asserted: the goal (under 2 s) is for `npm run bench:simulator` to check.
  console.log(
    `packed simulator answered discovery ${Math.round(simulator.startUpMs)} ms after starting`,
  );
}, 180_000);

afterAll(async () => {
  await simulator?.stop();
  installed?.remove();
});

/** openid-client set up for NHS login: its client assertion's aud is the token endpoint. */
async function client(audience: "token endpoint" | "issuer" = "token endpoint") {
  const signingKey = await crypto.subtle.importKey(
    "pkcs8",
    privateKey.export({ type: "pkcs8", format: "der" }),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
    false,
    ["sign"],
  );
  return oidc.discovery(
    new URL(simulator.issuer),
    CLIENT_ID,
    { id_token_signed_response_alg: "RS512" },
    oidc.PrivateKeyJwt(
      { key: signingKey, kid: KID },
      audience === "issuer"
        ? {}
        : {
            [oidc.modifyAssertion](_header, payload) {
              payload.aud = `${simulator.issuer}/token`;
            },
          },
    ),
    { execute: [oidc.allowInsecureRequests] },
  );
}

/** Sends the person to /authorize and comes back with where the simulator sent them. */
async function authorize(config: oidc.Configuration, extra: Record<string, string> = {}) {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT_URI,
    scope: SCOPE,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    vtr: JSON.stringify(VECTORS),
    ...extra,
  });
  const response = await fetch(url, { redirect: "manual" });
  const location = response.headers.get("location");
  if (!location) throw new Error(`no redirect from /authorize (${response.status})`);
  return { callback: new URL(location), codeVerifier, state, nonce };
}

/** NHS login's documented ID token: these claims and no others, each of its type. */
function expectNhsLoginIdTokenShape(claims: Record<string, unknown>) {
  const allowed: readonly string[] = [...ID_TOKEN_CLAIMS.always, ...ID_TOKEN_CLAIMS.whenApplicable];
  expect(Object.keys(claims).filter((name) => !allowed.includes(name))).toEqual([]);
  for (const name of ID_TOKEN_CLAIMS.always) expect(claims, name).toHaveProperty(name);
  for (const name of ["iss", "sub", "aud", "jti", "vot", "vtm", "nonce"]) {
    expect(typeof claims[name], name).toBe("string");
  }
  for (const name of ["exp", "iat", "auth_time"]) {
    expect(Number.isInteger(claims[name]), name).toBe(true);
  }
  expect(claims.exp as number).toBe((claims.iat as number) + 60 * 60);
  expect(claims.auth_time as number).toBeLessThanOrEqual(claims.iat as number);
  expect(isValidNhsNumber(String(claims.nhs_number))).toBe(true);
  expect(claims.birthdate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(claims.identity_proofing_level).toMatch(/^P(0|5|9)$/);
}

describe("the packed simulator, installed into an empty folder", () => {
  it("runs a complete flow for openid-client: private_key_jwt RS512, state, nonce, PKCE, vtr, userinfo", async () => {
    const config = await client();
    const { callback, codeVerifier, state, nonce } = await authorize(config);
    const tokens = await oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 300 });

    // openid-client does not verify an ID token from the token endpoint; an NHS login client must.
    const idToken = tokens.id_token ?? "";
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: "RS512", kid: expect.any(String) });
    const jwks = createRemoteJWKSet(new URL(`${simulator.issuer}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(idToken, jwks, {
      algorithms: ["RS512"],
      issuer: simulator.issuer,
      audience: CLIENT_ID,
    });
    expectNhsLoginIdTokenShape(payload);
    expect(payload).toMatchObject({
      nonce,
      vot: "P9.Cp.Cd",
      vtm: `${simulator.issuer}/trustmark/${new URL(simulator.issuer).host}`,
      family_name: "SIMNINE",
      identity_proofing_level: "P9",
    });
    expect(VECTORS).toContain(payload.vot);

    const info = await oidc.fetchUserInfo(config, tokens.access_token, String(payload.sub));
    expect(info).toMatchObject({
      sub: payload.sub,
      nhs_number: payload.nhs_number,
      email: "p9@simulator.example",
      email_verified: true,
      phone_number_verified: true,
      gp_registration_details: { gp_ods_code: "Y90002" },
    });
    expect(info).not.toHaveProperty("given_name");
  });

  it("refuses a client assertion addressed to the issuer (openid-client's default), as NHS login does", async () => {
    const config = await client("issuer");
    const { callback, codeVerifier, state } = await authorize(config);
    await expect(
      oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      }),
    ).rejects.toMatchObject({ error: "invalid_client", status: 400 });
  });

  it("refuses a vtr the client is not registered for", async () => {
    const config = await client();
    const { callback, codeVerifier, state } = await authorize(config, { vtr: '["P0.Cp"]' });
    const refused = oidc.authorizationCodeGrant(config, callback, {
      pkceCodeVerifier: codeVerifier,
      expectedState: state,
    });
    await expect(refused).rejects.toBeInstanceOf(oidc.AuthorizationResponseError);
    await expect(refused).rejects.toMatchObject({
      error: "invalid_request",
      error_description: expect.stringContaining("P0.Cp"),
    });
  });

  it("returns access_denied with ConsentNotGiven when the person declines", async () => {
    const config = await client();
    const { callback, codeVerifier, state } = await authorize(config, {
      simulator_consent: "decline",
    });
    await expect(
      oidc.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: codeVerifier,
        expectedState: state,
      }),
    ).rejects.toMatchObject({ error: "access_denied", error_description: "ConsentNotGiven" });
  });

  it("runs the same flow for a Python client made of the standard library alone", async () => {
    const keyFile = join(installed.folder, "python-client-key.json");
    writeFileSync(keyFile, JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: KID }));
    const { stdout } = await promisify(execFile)(
      "python3",
      [
        resolve(import.meta.dirname, "python-client.py"),
        simulator.issuer,
        CLIENT_ID,
        REDIRECT_URI,
        keyFile,
        JSON.stringify(VECTORS),
        SCOPE,
      ],
      { timeout: 30_000 },
    );
    const result = JSON.parse(stdout) as {
      id_token: Record<string, unknown>;
      userinfo: Record<string, unknown>;
      declined: Record<string, string>;
      wrong_vector: Record<string, string>;
    };
    expectNhsLoginIdTokenShape(result.id_token);
    expect(result.id_token).toMatchObject({ aud: CLIENT_ID, vot: "P9.Cp.Cd" });
    expect(result.userinfo.sub).toBe(result.id_token.sub);
    expect(result.declined).toMatchObject({
      error: "access_denied",
      error_description: "ConsentNotGiven",
    });
    expect(result.wrong_vector).toMatchObject({ error: "invalid_request" });
  });
});
