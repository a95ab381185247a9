/** Shared set-up for the simulator's tests: a test client, a cookie-keeping "browser", journeys. */
import { generateKeyPairSync, randomUUID, type KeyObject } from "node:crypto";
import { SignJWT, exportJWK, type JWK } from "jose";
import * as oidc from "openid-client";
import { afterAll, beforeAll } from "vitest";
import type { SimulatorClient } from "../clients";
import { SimulatorControl } from "../control";
import { startSimulator, type RunningSimulator, type SimulatorOptions } from "../server";
import { KNOWN_VECTORS } from "nhs-login-vocabulary";

export const REDIRECT_URI = "http://127.0.0.1:3999/callback";
export const TEST_CLIENT_ID = "test-client";
export const SECOND_CLIENT_ID = "second-client";
export const SECOND_REDIRECT_URI = "http://127.0.0.1:3998/callback";

export interface TestKey {
  privateKey: KeyObject;
  publicJwk: JWK;
}

export async function makeKey(): Promise<TestKey> {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: randomUUID() } };
}

export function testClient(
  key: TestKey,
  overrides: Partial<SimulatorClient> = {},
): SimulatorClient {
  return {
    clientId: TEST_CLIENT_ID,
    name: "Test service",
    redirectUris: [REDIRECT_URI],
    scopes: [
      "openid",
      "profile",
      "profile_extended",
      "email",
      "phone",
      "gp_registration_details",
      "gp_integration_credentials",
      "client_metadata",
    ],
    vectors: [...KNOWN_VECTORS],
    publicKeys: [key.publicJwk],
    acceptsAssertedLoginIdentityFrom: [SECOND_CLIENT_ID, "nhs-app"],
    refreshTokens: false,
    ...overrides,
  };
}

export interface TestWorld {
  simulator: RunningSimulator;
  issuer: string;
  key: TestKey;
  secondKey: TestKey;
  control: SimulatorControl;
}

/** A simulator on a random port with two test clients (the second with refresh tokens). */
export async function startTestSimulator(options: SimulatorOptions = {}): Promise<TestWorld> {
  const key = await makeKey();
  const secondKey = await makeKey();
  const simulator = await startSimulator({
    port: 0,
    keysFile: false,
    localClient: false,
    apiPlatform: { localApplication: false },
    quiet: true,
    clients: [
      testClient(key),
      testClient(secondKey, {
        clientId: SECOND_CLIENT_ID,
        name: "Second service",
        redirectUris: [SECOND_REDIRECT_URI],
        scopes: ["openid", "email"],
        vectors: ["P0.Cp", "P9.Cp.Cd"],
        acceptsAssertedLoginIdentityFrom: [],
        refreshTokens: true,
      }),
    ],
    ...options,
  });
  const control = new SimulatorControl(simulator.issuer);
  return { simulator, issuer: simulator.issuer, key, secondKey, control };
}

/**
 * One simulator for a test file: started before its tests, stopped after them. The returned
 * object is filled in when the simulator is up, so tests read it as usual.
 */
export function simulatorForFile(options: SimulatorOptions = {}): TestWorld {
  const world = {} as TestWorld;
  beforeAll(async () => {
    Object.assign(world, await startTestSimulator(options));
  });
  afterAll(async () => {
    await world.simulator?.close();
  });
  return world;
}

/** A fetch that keeps cookies and never follows redirects: enough to drive the journey pages. */
export class Browser {
  readonly #cookies = new Map<string, string>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.#cookies.size > 0) {
      headers.set(
        "cookie",
        [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; "),
      );
    }
    const response = await fetch(url, { ...init, headers, redirect: "manual" });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some((attribute) => /expires=Thu, 01 Jan 1970/i.test(attribute));
      if (!value || expired) this.#cookies.delete(name);
      else this.#cookies.set(name, value);
    }
    return response;
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  post(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /**
   * Follows redirects within the simulator. Returns the page it stops on, or the URL of the
   * service's redirect URI it was sent back to.
   */
  async follow(
    issuer: string,
    response: Response,
  ): Promise<{ page?: { url: string; html: string; status: number }; callback?: URL }> {
    let current = response;
    let currentUrl = response.url;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = current.headers.get("location");
      if (current.status >= 300 && current.status < 400 && location) {
        const next = new URL(location, currentUrl);
        if (!next.href.startsWith(issuer)) return { callback: next };
        currentUrl = next.href;
        current = await this.get(next.href);
        continue;
      }
      return { page: { url: currentUrl, html: await current.text(), status: current.status } };
    }
    throw new Error("too many redirects");
  }
}

/** The action attribute of the form holding the element with this data-testid. */
export function formAction(html: string, testId: string): string {
  const at = html.indexOf(`data-testid="${testId}"`);
  if (at === -1) throw new Error(`no element with data-testid=${testId} in page:\n${html}`);
  const formStart = html.lastIndexOf("<form", at);
  const match = /action="([^"]+)"/.exec(html.slice(formStart, at));
  if (!match?.[1]) throw new Error(`no form around ${testId}`);
  return match[1].replace(/&amp;/g, "&");
}

/** Presses the submit button with this data-testid, sending its name=value. */
export async function press(
  browser: Browser,
  issuer: string,
  page: { html: string },
  testId: string,
  fields: Record<string, string> = {},
) {
  const at = page.html.indexOf(`data-testid="${testId}"`);
  const tagStart = page.html.lastIndexOf("<button", at);
  const tag = page.html.slice(tagStart, at);
  const name = /name="([^"]+)"/.exec(tag)?.[1];
  const value = /value="([^"]*)"/.exec(tag)?.[1];
  const formStart = page.html.lastIndexOf("<form", at);
  const hidden = Object.fromEntries(
    [
      ...page.html
        .slice(formStart, at)
        .matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g),
    ].map((match) => [match[1] ?? "", (match[2] ?? "").replace(/&amp;/g, "&")]),
  );
  const body = { ...hidden, ...fields, ...(name && value !== undefined ? { [name]: value } : {}) };
  return browser.follow(
    issuer,
    await browser.post(`${issuer}${formAction(page.html, testId)}`, body),
  );
}

export function authorizeUrl(issuer: string, params: Record<string, string | undefined>): string {
  const url = new URL(`${issuer}/authorize`);
  const defaults = {
    client_id: TEST_CLIENT_ID,
    redirect_uri: REDIRECT_URI,
    response_type: "code",
    scope: "openid profile email",
    state: randomUUID(),
    nonce: randomUUID(),
  };
  for (const [name, value] of Object.entries({ ...defaults, ...params })) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.href;
}

/** Logs a persona in through the pages and agrees to share: returns the callback URL. */
export async function logInAndConsent(
  browser: Browser,
  issuer: string,
  url: string,
  personaId: string,
): Promise<URL> {
  const start = await browser.follow(issuer, await browser.get(url));
  let step = start;
  if (step.page?.html.includes(`data-testid="login-as-${personaId}"`)) {
    step = await press(browser, issuer, step.page, `login-as-${personaId}`);
  }
  if (step.page?.html.includes('data-testid="uplift-continue"')) {
    step = await press(browser, issuer, step.page, "uplift-continue");
  }
  if (!step.page) throw new Error(`expected the consent page, got ${step.callback?.href}`);
  const done = await press(browser, issuer, step.page, "consent-agree");
  if (!done.callback) throw new Error(`expected a redirect to the service, got ${done.page?.html}`);
  return done.callback;
}

/** openid-client set up as an NHS login client would be (private_key_jwt, RS512). */
export async function openidClient(
  issuer: string,
  key: TestKey,
  clientId = TEST_CLIENT_ID,
): Promise<oidc.Configuration> {
  const signingKey = await crypto.subtle.importKey(
    "pkcs8",
    key.privateKey.export({ type: "pkcs8", format: "der" }),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
    false,
    ["sign"],
  );
  return oidc.discovery(
    new URL(issuer),
    clientId,
    { id_token_signed_response_alg: "RS512" },
    oidc.PrivateKeyJwt(
      { key: signingKey, kid: key.publicJwk.kid },
      {
        // As next-auth does for NHS login: aud holds the issuer and the token endpoint.
        [oidc.modifyAssertion](_header, payload) {
          payload.aud = [issuer, `${issuer}/token`];
        },
      },
    ),
    { execute: [oidc.allowInsecureRequests] },
  );
}

export interface AssertionOverrides {
  header?: Record<string, unknown>;
  claims?: Record<string, unknown>;
  key?: KeyObject;
  alg?: string;
}

/** A client assertion made by hand, to test each refusal. */
export async function clientAssertion(
  issuer: string,
  key: TestKey,
  overrides: AssertionOverrides = {},
  clientId = TEST_CLIENT_ID,
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    iss: clientId,
    sub: clientId,
    aud: `${issuer}/token`,
    jti: randomUUID(),
    iat: now,
    exp: now + 60,
    ...overrides.claims,
  };
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined) delete (claims as Record<string, unknown>)[name];
  }
  return new SignJWT(claims)
    .setProtectedHeader({
      alg: overrides.alg ?? "RS512",
      kid: key.publicJwk.kid,
      ...overrides.header,
    })
    .sign(overrides.key ?? key.privateKey);
}

export async function tokenRequest(
  issuer: string,
  fields: Record<string, string>,
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${issuer}/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

/** A code for `personaId`, obtained through the pages with hand-made requests. */
export async function codeFor(
  issuer: string,
  personaId: string,
  params: Record<string, string | undefined> = {},
): Promise<{ code: string; nonce: string; state: string; callback: URL }> {
  const nonce = params.nonce ?? randomUUID();
  const state = params.state ?? randomUUID();
  const callback = await logInAndConsent(
    new Browser(),
    issuer,
    authorizeUrl(issuer, { ...params, nonce, state }),
    personaId,
  );
  const code = callback.searchParams.get("code");
  if (!code) throw new Error(`no code in ${callback.href}`);
  return { code, nonce, state, callback };
}

export async function exchange(
  issuer: string,
  key: TestKey,
  code: string,
  extra: Record<string, string> = {},
) {
  return tokenRequest(issuer, {
    grant_type: "authorization_code",
    code,
    redirect_uri: REDIRECT_URI,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: await clientAssertion(issuer, key),
    ...extra,
  });
}
