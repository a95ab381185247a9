/**
 * Set-up for tests of the local API platform: a simulator with registered API applications, and
 * real NHS login ID tokens for personas (obtained through the simulator's own journey).
 */
import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll } from "vitest";
import type { ApiApplication } from "../api-platform";
import { PDS_PATIENT_SCOPES } from "../api-platform";
import type { SimulatorOptions } from "../server";
import {
  codeFor,
  exchange,
  makeKey,
  startTestSimulator,
  type TestKey,
  type TestWorld,
} from "./helpers";

export const API_KEY = "test-application-api-key";
export const API_SECRET = "test-application-secret-0123456789";
/** An application subscribed to PDS for P9 people only. */
export const P9_ONLY_API_KEY = "p9-only-application-key";
/** An application registered without any public key. */
export const KEYLESS_API_KEY = "keyless-application-key";

export interface ApiTestWorld extends TestWorld {
  apiKey: TestKey;
  tokenUrl: string;
  /** An NHS login ID token for the persona (P9 unless vectors ask otherwise), made once per persona. */
  idTokenFor(personaId: string, vtr?: string[]): Promise<string>;
}

export function testApplication(
  key: TestKey,
  overrides: Partial<ApiApplication> = {},
): ApiApplication {
  return {
    apiKey: API_KEY,
    name: "Test application",
    publicKeys: [{ ...key.publicJwk, alg: "RS512", use: "sig" }],
    secret: API_SECRET,
    scopes: [...PDS_PATIENT_SCOPES],
    ...overrides,
  };
}

export async function startApiTestSimulator(options: SimulatorOptions = {}): Promise<ApiTestWorld> {
  const apiKey = await makeKey();
  const world = await startTestSimulator({
    apiPlatform: {
      localApplication: false,
      applications: [
        testApplication(apiKey),
        testApplication(apiKey, {
          apiKey: P9_ONLY_API_KEY,
          scopes: [PDS_PATIENT_SCOPES[0]!],
        }),
        testApplication(apiKey, { apiKey: KEYLESS_API_KEY, publicKeys: [] }),
      ],
    },
    ...options,
  });
  const idTokens = new Map<string, Promise<string>>();
  const idTokenFor = (personaId: string, vtr?: string[]) => {
    const cacheKey = `${personaId} ${vtr?.join(",") ?? ""}`;
    let token = idTokens.get(cacheKey);
    if (!token) {
      token = (async () => {
        const { code } = await codeFor(world.issuer, personaId, {
          ...(vtr ? { vtr: JSON.stringify(vtr) } : {}),
        });
        const answer = await exchange(world.issuer, world.key, code);
        if (typeof answer.body.id_token !== "string") throw new Error("no ID token");
        return answer.body.id_token;
      })();
      idTokens.set(cacheKey, token);
    }
    return token;
  };
  return { ...world, apiKey, tokenUrl: `${world.issuer}/oauth2/token`, idTokenFor };
}

/** One simulator with the API platform for a test file. */
export function apiPlatformForFile(options: SimulatorOptions = {}): ApiTestWorld {
  const world = {} as ApiTestWorld;
  beforeAll(async () => {
    Object.assign(world, await startApiTestSimulator(options));
  }, 30_000);
  afterAll(async () => {
    await world.simulator?.close();
  });
  return world;
}

export interface PlatformAssertionOverrides {
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  alg?: string;
}

/** A client assertion for the platform, made by hand so each rule can be broken on purpose. */
export async function platformAssertion(
  world: ApiTestWorld,
  overrides: PlatformAssertionOverrides = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: API_KEY,
    sub: API_KEY,
    aud: world.tokenUrl,
    jti: randomUUID(),
    exp: now + 120,
    ...overrides.claims,
  };
  for (const [name, value] of Object.entries(claims)) if (value === undefined) delete claims[name];
  const header: Record<string, unknown> = {
    alg: overrides.alg ?? "RS512",
    typ: "JWT",
    kid: world.apiKey.publicJwk.kid,
    ...overrides.header,
  };
  for (const [name, value] of Object.entries(header)) if (value === undefined) delete header[name];
  return new SignJWT(claims)
    .setProtectedHeader(header as { alg: string })
    .sign(world.apiKey.privateKey);
}

export async function platformTokenRequest(
  world: ApiTestWorld,
  fields: Record<string, string | undefined>,
  contentType = "application/x-www-form-urlencoded",
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const form = new URLSearchParams(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const response = await fetch(world.tokenUrl, {
    method: "POST",
    headers: { "content-type": contentType },
    body: form.toString(),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** The form of a token exchange for `idToken`, with a valid assertion unless one is given. */
export async function exchangeForm(
  world: ApiTestWorld,
  idToken: string,
  assertion?: string,
): Promise<Record<string, string | undefined>> {
  return {
    grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
    subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
    subject_token: idToken,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion ?? (await platformAssertion(world)),
  };
}
