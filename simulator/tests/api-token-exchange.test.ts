/** The local API platform's token endpoint: the exchange and refresh, and each refusal in the platform's words. */
import { createHmac, createPublicKey, generateKeyPairSync, randomUUID } from "node:crypto";
import { base64url, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import {
  API_KEY,
  API_SECRET,
  apiPlatformForFile,
  exchangeForm,
  KEYLESS_API_KEY,
  P9_ONLY_API_KEY,
  platformAssertion,
  platformTokenRequest,
  type ApiTestWorld,
} from "./api-platform-helpers";

const world = apiPlatformForFile();

/** The token with its header or payload changed (the signature then no longer matches). */
function reencode(
  token: string,
  change: {
    header?: (h: Record<string, unknown>) => void;
    payload?: (p: Record<string, unknown>) => void;
  },
): string {
  const [header = "", payload = "", signature = ""] = token.split(".");
  const decoded = (part: string) => JSON.parse(new TextDecoder().decode(base64url.decode(part)));
  const h = decoded(header);
  const p = decoded(payload);
  change.header?.(h);
  change.payload?.(p);
  return `${base64url.encode(JSON.stringify(h))}.${base64url.encode(JSON.stringify(p))}.${signature}`;
}

async function exchangeWith(
  idToken: string,
  fields: Record<string, string | undefined> = {},
  assertion?: string,
) {
  return platformTokenRequest(world, {
    ...(await exchangeForm(world, idToken, assertion)),
    ...fields,
  });
}

function expectRefusal(
  answer: { status: number; body: Record<string, unknown> },
  status: number,
  error: string,
  description: string,
) {
  expect(answer.status).toBe(status);
  expect(answer.body).toEqual({
    error,
    error_description: description,
    message_id: expect.any(String),
  });
}

describe("token exchange", () => {
  it("exchanges a P9 person's ID token for a platform access token", async () => {
    const answer = await exchangeWith(await world.idTokenFor("p9"));
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
      expires_in: "599",
      token_type: "Bearer",
      issued_token_type: "urn:ietf:params:oauth:token-type:access_token",
      refresh_token: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
      refresh_token_expires_in: "3599",
      refresh_count: "0",
    });
  });

  it("gives a shorter access token when asked, never a longer one", async () => {
    const idToken = await world.idTokenFor("p9");
    expect(
      (await exchangeWith(idToken, { _access_token_expiry_ms: "100000" })).body.expires_in,
    ).toBe("99");
    expect(
      (await exchangeWith(idToken, { _access_token_expiry_ms: "900000" })).body.expires_in,
    ).toBe("599");
  });

  it("grants a P5 person the application's P5 scope, and refuses when it has none", async () => {
    const idToken = await world.idTokenFor("p5", ["P5.Cp.Cd"]);
    expect((await exchangeWith(idToken)).status).toBe(200);
    const p9Only = await platformAssertion(world, {
      claims: { iss: P9_ONLY_API_KEY, sub: P9_ONLY_API_KEY },
    });
    expectRefusal(
      await exchangeWith(idToken, {}, p9Only),
      401,
      "unauthorized_client",
      "you have tried to request authorization but your application is not configured to use this authorization grant type",
    );
  });

  it("refuses a P0 person, whose ID token names no proofing level", async () => {
    const idToken = await world.idTokenFor("p0", ["P0.Cp"]);
    const answer = await exchangeWith(idToken);
    expect(answer.status).toBe(401);
    expect(answer.body.error).toBe("unauthorized_client");
  });

  it("takes only a form", async () => {
    const form = await exchangeForm(world, await world.idTokenFor("p9"));
    const answer = await platformTokenRequest(world, form, "application/json");
    expectRefusal(
      answer,
      415,
      "invalid_request",
      "Content-Type header must be application/x-www-form-urlencoded",
    );
  });

  it.each([
    [
      "no client_assertion_type",
      { client_assertion_type: undefined },
      "Missing or invalid client_assertion_type - must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'",
    ],
    [
      "another client_assertion_type",
      { client_assertion_type: "invalid" },
      "Missing or invalid client_assertion_type - must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'",
    ],
    ["no grant_type", { grant_type: undefined }, "grant_type is invalid"],
    [
      "another subject_token_type",
      { subject_token_type: "invalid" },
      "missing or invalid subject_token_type - must be 'urn:ietf:params:oauth:token-type:id_token'",
    ],
    ["no client_assertion", { client_assertion: undefined }, "Missing client_assertion"],
    [
      "a malformed client_assertion",
      { client_assertion: "invalid" },
      "Malformed JWT in client_assertion",
    ],
    ["no subject_token", { subject_token: undefined }, "Missing subject_token"],
    ["a malformed subject_token", { subject_token: "invalid" }, "Malformed JWT in subject_token"],
  ])("refuses %s with 400 invalid_request", async (_, fields, description) => {
    expectRefusal(
      await exchangeWith(await world.idTokenFor("p9"), fields),
      400,
      "invalid_request",
      description,
    );
  });

  it("refuses other grant types", async () => {
    const answer = await platformTokenRequest(world, {
      grant_type: "password",
      username: "a",
      password: "b",
    });
    expectRefusal(answer, 400, "unsupported_grant_type", "grant_type is invalid");
  });
});

describe("the client assertion", () => {
  const now = () => Math.floor(Date.now() / 1000);
  const cases: Array<[string, (w: ApiTestWorld) => Promise<string>, number, string]> = [
    [
      "an HS512 signature",
      async () =>
        new SignJWT({ iss: API_KEY, sub: API_KEY })
          .setProtectedHeader({ alg: "HS512", typ: "JWT", kid: "k" })
          .sign(new TextEncoder().encode("a shared secret that is long enough")),
      400,
      "Invalid 'alg' header in client_assertion JWT - unsupported JWT algorithm - must be 'RS512'",
    ],
    [
      "no kid",
      (w) => platformAssertion(w, { header: { kid: undefined } }),
      400,
      "Missing 'kid' header in client_assertion JWT",
    ],
    [
      "another typ",
      (w) => platformAssertion(w, { header: { typ: "at+jwt" } }),
      400,
      "Invalid 'typ' header in client_assertion JWT - must be 'JWT'",
    ],
    [
      "no typ",
      (w) => platformAssertion(w, { header: { typ: undefined } }),
      400,
      "Invalid 'typ' header in client_assertion JWT - must be 'JWT'",
    ],
    [
      "no exp",
      (w) => platformAssertion(w, { claims: { exp: undefined } }),
      400,
      "Missing 'exp' claim in client_assertion JWT",
    ],
    [
      "an exp that is not a number",
      (w) => platformAssertion(w, { claims: { exp: String(now() + 60) } }),
      400,
      "Invalid 'exp' claim in client_assertion JWT - must be an integer",
    ],
    [
      "an expired exp",
      (w) => platformAssertion(w, { claims: { exp: now() - 20 } }),
      400,
      "Invalid 'exp' claim in client_assertion JWT - JWT has expired",
    ],
    [
      "an exp more than 5 minutes ahead",
      (w) => platformAssertion(w, { claims: { exp: now() + 600 } }),
      400,
      "Invalid 'exp' claim in client_assertion JWT - more than 5 minutes in future",
    ],
    [
      "no iss",
      (w) => platformAssertion(w, { claims: { iss: undefined } }),
      400,
      "Missing or non-matching 'iss'/'sub' claims in client_assertion JWT",
    ],
    [
      "iss other than sub",
      (w) => platformAssertion(w, { claims: { iss: "someone-else" } }),
      400,
      "Missing or non-matching 'iss'/'sub' claims in client_assertion JWT",
    ],
    [
      "no jti",
      (w) => platformAssertion(w, { claims: { jti: undefined } }),
      400,
      "Missing 'jti' claim in client_assertion JWT",
    ],
    [
      "a jti that is not a string",
      (w) => platformAssertion(w, { claims: { jti: 1234567890 } }),
      400,
      "Invalid 'jti' claim in client_assertion JWT - must be a unique string value such as a GUID",
    ],
    [
      "an API key nobody registered",
      (w) => platformAssertion(w, { claims: { iss: "unknown-key", sub: "unknown-key" } }),
      401,
      "Invalid 'iss'/'sub' claims in client_assertion JWT",
    ],
    [
      "a kid the application did not register",
      (w) => platformAssertion(w, { header: { kid: "invalid" } }),
      401,
      "Invalid 'kid' header in client_assertion JWT - no matching public key",
    ],
    [
      "another aud",
      (w) => platformAssertion(w, { claims: { aud: `${w.issuer}/token` } }),
      401,
      "Missing or invalid 'aud' claim in client_assertion JWT",
    ],
    [
      "no aud",
      (w) => platformAssertion(w, { claims: { aud: undefined } }),
      401,
      "Missing or invalid 'aud' claim in client_assertion JWT",
    ],
  ];

  it.each(cases)("refuses %s", async (_, make, status, description) => {
    expectRefusal(
      await exchangeWith(await world.idTokenFor("p9"), {}, await make(world)),
      status,
      "invalid_request",
      description,
    );
  });

  it("refuses a signature by another key under the registered kid", async () => {
    const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    const forged = await new SignJWT({
      iss: API_KEY,
      sub: API_KEY,
      aud: world.tokenUrl,
      jti: randomUUID(),
    })
      .setProtectedHeader({ alg: "RS512", typ: "JWT", kid: world.apiKey.publicJwk.kid! })
      .setExpirationTime("1m")
      .sign(stranger);
    expectRefusal(
      await exchangeWith(await world.idTokenFor("p9"), {}, forged),
      401,
      "public_key error",
      "JWT signature verification failed",
    );
  });

  it("refuses an application that registered no public key", async () => {
    const assertion = await platformAssertion(world, {
      claims: { iss: KEYLESS_API_KEY, sub: KEYLESS_API_KEY },
    });
    expectRefusal(
      await exchangeWith(await world.idTokenFor("p9"), {}, assertion),
      403,
      "public_key error",
      "You need to register a public key to use this authentication method - please contact support to configure",
    );
  });

  it("refuses a jti it has seen before", async () => {
    const idToken = await world.idTokenFor("p9");
    const assertion = await platformAssertion(world);
    expect((await exchangeWith(idToken, {}, assertion)).status).toBe(200);
    expectRefusal(
      await exchangeWith(idToken, {}, assertion),
      400,
      "invalid_request",
      "Non-unique 'jti' claim in client_assertion JWT",
    );
  });
});

describe("the NHS login ID token", () => {
  it.each([
    [
      "no kid",
      { header: (h: Record<string, unknown>) => delete h.kid },
      400,
      "Missing 'kid' header in subject_token JWT",
    ],
    [
      "another typ",
      { header: (h: Record<string, unknown>) => (h.typ = "invalid") },
      400,
      "Invalid 'typ' header in subject_token JWT - must be 'JWT'",
    ],
    [
      "no exp",
      { payload: (p: Record<string, unknown>) => delete p.exp },
      400,
      "Missing 'exp' claim in subject_token JWT",
    ],
    [
      "an exp that is not a number",
      { payload: (p: Record<string, unknown>) => (p.exp = String(p.exp)) },
      400,
      "Invalid 'exp' claim in subject_token JWT - must be an integer",
    ],
    [
      "no iss",
      { payload: (p: Record<string, unknown>) => delete p.iss },
      400,
      "Missing 'iss' claim in subject_token JWT",
    ],
    [
      "no aud",
      { payload: (p: Record<string, unknown>) => delete p.aud },
      401,
      "Missing 'aud' claim in subject_token JWT",
    ],
    [
      "a changed claim (so the signature fails)",
      { payload: (p: Record<string, unknown>) => (p.nhs_number = "9990000018") },
      401,
      "JWT signature verification failed",
    ],
  ])("refuses %s", async (_, change, status, description) => {
    const answer = await exchangeWith(reencode(await world.idTokenFor("p9"), change));
    expect(answer.status).toBe(status);
    expect(answer.body.error_description).toBe(description);
  });

  it.each([
    [
      "id_token_expired",
      400,
      "invalid_request",
      "Invalid 'exp' claim in subject_token JWT - JWT has expired",
    ],
    [
      "id_token_wrong_iss",
      400,
      "invalid_request",
      "Missing or non-matching 'iss' claim in subject_token JWT",
    ],
    [
      "id_token_unknown_kid",
      401,
      "invalid_request",
      "Invalid 'kid' header in subject_token JWT - no matching public key",
    ],
    ["id_token_bad_signature", 401, "public_key error", "JWT signature verification failed"],
    ["id_token_wrong_aud", 401, "invalid_request", "Invalid 'aud' claim in subject_token JWT"],
  ] as const)("refuses an ID token spoiled by %s", async (fault, status, error, description) => {
    const person = await world.control.createPersona("p9");
    await world.control.injectFault({ persona: person.id, fault });
    expectRefusal(
      await exchangeWith(await world.idTokenFor(person.id)),
      status,
      error,
      description,
    );
  });

  it("refuses an HS512 token keyed with NHS login's public key (algorithm confusion)", async () => {
    const jwks = (await (await fetch(`${world.issuer}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    const pem = createPublicKey({ key: jwks.keys[0] as never, format: "jwk" }).export({
      type: "spki",
      format: "pem",
    });
    const real = await world.idTokenFor("p9");
    const payload = real.split(".")[1];
    const header = base64url.encode(
      JSON.stringify({ alg: "HS512", typ: "JWT", kid: jwks.keys[0]!.kid }),
    );
    const signature = createHmac("sha512", pem).update(`${header}.${payload}`).digest("base64url");
    expectRefusal(
      await exchangeWith(`${header}.${payload}.${signature}`),
      401,
      "public_key error",
      "JWT signature verification failed",
    );
  });
});

describe("refresh", () => {
  async function exchanged(fields: Record<string, string> = {}) {
    const answer = await exchangeWith(await world.idTokenFor("p9"), fields);
    return String(answer.body.refresh_token);
  }

  const refreshForm = (
    refreshToken: string | undefined,
    fields: Record<string, string | undefined> = {},
  ) =>
    platformTokenRequest(world, {
      grant_type: "refresh_token",
      client_id: API_KEY,
      client_secret: API_SECRET,
      refresh_token: refreshToken,
      ...fields,
    });

  it("renews the token with the refresh token and the application's secret, once per refresh token", async () => {
    const refreshToken = await exchanged();
    const answer = await refreshForm(refreshToken);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
      expires_in: "599",
      token_type: "Bearer",
      refresh_token: expect.stringMatching(/^[A-Za-z0-9]{28}$/),
      refresh_token_expires_in: "3599",
      refresh_count: "1",
    });
    expect((await refreshForm(String(answer.body.refresh_token))).body.refresh_count).toBe("2");
    expectRefusal(
      await refreshForm(refreshToken),
      401,
      "invalid_grant",
      "refresh_token is invalid",
    );
  });

  it.each([
    ["no client_id", { client_id: undefined }, 401, "invalid_request", "client_id is missing"],
    [
      "an unknown client_id",
      { client_id: "unknown-key" },
      401,
      "invalid_client",
      "client_id or client_secret is invalid",
    ],
    [
      "no client_secret",
      { client_secret: undefined },
      401,
      "invalid_request",
      "client_secret is missing",
    ],
    [
      "a wrong client_secret",
      { client_secret: "wrong" },
      401,
      "invalid_client",
      "client_id or client_secret is invalid",
    ],
    [
      "no refresh_token",
      { refresh_token: undefined },
      400,
      "invalid_request",
      "refresh_token is missing",
    ],
    [
      "another application's refresh token",
      { client_id: P9_ONLY_API_KEY },
      401,
      "invalid_grant",
      "refresh_token is invalid",
    ],
  ])("refuses %s", async (_, fields, status, error, description) => {
    expectRefusal(await refreshForm(await exchanged(), fields), status, error, description);
  });

  it("refuses an expired refresh token", async () => {
    const refreshToken = await exchanged({ _refresh_token_expiry_ms: "1" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expectRefusal(
      await refreshForm(refreshToken),
      401,
      "invalid_grant",
      "refresh token refresh period has expired",
    );
  });
});

describe("token faults", () => {
  it("refuses, fails or delays the next exchange for the persona, then recovers", async () => {
    const person = await world.control.createPersona("p9");
    const idToken = await world.idTokenFor(person.id);

    await world.control.injectFault({ persona: person.id, fault: "api_token_refused" });
    const refused = await exchangeWith(idToken);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("unauthorized_client");

    await world.control.injectFault({ persona: person.id, fault: "api_token_server_error" });
    const failedAnswer = await exchangeWith(idToken);
    expect(failedAnswer.status).toBe(500);
    expect(failedAnswer.body.error).toBe("unknown_error");

    await world.control.injectFault({ persona: person.id, fault: "api_token_slow", delayMs: 400 });
    const started = Date.now();
    expect((await exchangeWith(idToken)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);

    expect((await exchangeWith(idToken)).status).toBe(200);
  });

  it("takes an application's API key as a fault target, and refuses names it does not know", async () => {
    await world.control.injectFault({ client: API_KEY, fault: "api_token_refused" });
    expect((await exchangeWith(await world.idTokenFor("p9"))).status).toBe(401);
    await expect(
      world.control.injectFault({ client: "nobody", fault: "api_token_refused" }),
    ).rejects.toThrow(/unknown client nobody/);
  });
});

describe("a rotated NHS login key", () => {
  it("stops ID tokens signed with the retired key from being exchanged", async () => {
    const person = await world.control.createPersona("p9");
    const before = await world.idTokenFor(person.id);
    await world.control.injectFault({ fault: "jwks_rotate" });
    expectRefusal(
      await exchangeWith(before),
      401,
      "invalid_request",
      "Invalid 'kid' header in subject_token JWT - no matching public key",
    );
  });
});
