import { createPrivateKey, createPublicKey, generateKeyPairSync } from "node:crypto";
import { calculateJwkThumbprint, exportJWK } from "jose";
import { describe, expect, it } from "vitest";
import { toPublicJwk } from "../simulator/clients";
import { configProblems } from "../test-support/config-problems";
import {
  keyThumbprint,
  loadConfig,
  LOCAL_API_PRIVATE_KEY_FILE,
  LOCAL_PRIVATE_KEY_FILE,
  type NhsApiConfig,
} from "./config";

const pem = (bits: number) =>
  generateKeyPairSync("rsa", {
    modulusLength: bits,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
const loginKey = pem(2048);
const apiKey = pem(2048);
const SECRET = "x".repeat(32);
const LOCAL_FILES = { [LOCAL_PRIVATE_KEY_FILE]: loginKey, [LOCAL_API_PRIVATE_KEY_FILE]: apiKey };
const REMOTE = {
  AUTH_SECRET: SECRET,
  AUTH_URL: "https://portal.example",
  NHS_LOGIN_ENV: "integration",
  NHS_LOGIN_CLIENT_ID: "client",
  NHS_LOGIN_PRIVATE_KEY: loginKey,
  SESSION_STORE: "memory",
};

function load(env: Record<string, string>, files: Record<string, string> = LOCAL_FILES) {
  return loadConfig(env, (path) => {
    const text = files[path];
    if (text === undefined) throw new Error("ENOENT");
    return text;
  });
}

function nhsApi(env: Record<string, string>, files?: Record<string, string>): NhsApiConfig {
  return load(env, files).nhsApi;
}

function problems(env: Record<string, string>, files?: Record<string, string>): string[] {
  return configProblems(() => load(env, files));
}

describe("API platform configuration", () => {
  it("works locally with nothing set: the simulator on NHS login's address, the local key", async () => {
    const config = nhsApi({ AUTH_SECRET: SECRET });
    expect(config).toMatchObject({
      status: "configured",
      environment: "local",
      settings: {
        baseUrl: "http://localhost:4000",
        timeoutMs: 10_000,
        application: { apiKey: "portal-local-api-key" },
      },
    });
    const application = config.status === "configured" ? config.settings.application : undefined;
    expect(application?.secret).toBeUndefined();
    // The simulator registers the same key under the same kid, so they agree with no set-up.
    expect(application?.keyId).toBe((await toPublicJwk(apiKey)).kid);
  });

  it("follows a simulator elsewhere, and takes a secret and a timeout", () => {
    const config = nhsApi({
      AUTH_SECRET: SECRET,
      NHS_LOGIN_ISSUER: "http://localhost:4040",
      NHS_API_SECRET: "a-secret-for-refresh",
      NHS_API_TIMEOUT_MS: "2500",
    });
    expect(config).toMatchObject({
      status: "configured",
      settings: {
        baseUrl: "http://localhost:4040",
        timeoutMs: 2500,
        application: { secret: "a-secret-for-refresh" },
      },
    });
  });

  it("is not set up locally while the simulator has not made the local key yet", () => {
    const config = nhsApi({ AUTH_SECRET: SECRET }, { [LOCAL_PRIVATE_KEY_FILE]: loginKey });
    expect(config).toMatchObject({
      status: "not-configured",
      reason: expect.stringContaining(LOCAL_API_PRIVATE_KEY_FILE),
    });
  });

  it("uses the sandbox with no application: its APIs take no token or API key", () => {
    expect(nhsApi({ AUTH_SECRET: SECRET, NHS_API_ENV: "sandbox" })).toEqual({
      status: "configured",
      environment: "sandbox",
      settings: { baseUrl: "https://sandbox.api.service.nhs.uk", timeoutMs: 10_000 },
    });
  });

  it("is not set up outside local until the application is configured", () => {
    expect(nhsApi({ ...REMOTE, NHS_API_ENV: "integration" })).toMatchObject({
      status: "not-configured",
      environment: "integration",
    });
    expect(nhsApi(REMOTE)).toMatchObject({
      status: "not-configured",
      reason: expect.stringMatching(/NHS login is not the local simulator/),
    });
  });

  it("uses the platform's address for integration and production, with the key's thumbprint as kid", async () => {
    const integration = nhsApi({
      ...REMOTE,
      NHS_API_ENV: "integration",
      NHS_API_KEY: "the-api-key",
      NHS_API_PRIVATE_KEY: apiKey,
    });
    expect(integration).toMatchObject({
      status: "configured",
      settings: {
        baseUrl: "https://int.api.service.nhs.uk",
        application: { apiKey: "the-api-key" },
      },
    });
    const jwk = await exportJWK(createPublicKey(apiKey));
    expect(integration.status === "configured" && integration.settings.application?.keyId).toBe(
      await calculateJwkThumbprint(jwk, "sha256"),
    );
    const production = nhsApi(
      {
        ...REMOTE,
        NHS_LOGIN_ENV: "production",
        NHS_API_ENV: "production",
        NHS_API_KEY: "the-api-key",
        NHS_API_KEY_ID: "key-1",
        NHS_API_PRIVATE_KEY_FILE: "/keys/api.pem",
      },
      { "/keys/api.pem": apiKey },
    );
    expect(production).toMatchObject({
      settings: { baseUrl: "https://api.service.nhs.uk", application: { keyId: "key-1" } },
    });
  });

  it.each([
    [{ NHS_API_ENV: "staging" }, /NHS_API_ENV: "staging" is not an API platform environment/],
    [{ NHS_API_TIMEOUT_MS: "soon" }, /NHS_API_TIMEOUT_MS/],
    [{ NHS_API_BASE_URL: "http://api.example" }, /NHS_API_BASE_URL: must use https/],
    [
      { NHS_API_PRIVATE_KEY_FILE: "missing.pem" },
      /NHS_API_PRIVATE_KEY_FILE: cannot read "missing.pem"/,
    ],
    [{ NHS_API_PRIVATE_KEY: loginKey, NHS_API_PRIVATE_KEY_FILE: "a.pem" }, /set one, not both/],
    [
      { NHS_API_PRIVATE_KEY: pem(1024) },
      /NHS_API_PRIVATE_KEY: the key is 1024 bits; the API platform needs/,
    ],
  ])("names the variable and the fix for %j", (override, message) => {
    expect(
      problems({ AUTH_SECRET: SECRET, ...override } as Record<string, string>).join("\n"),
    ).toMatch(message);
  });

  it("refuses a partly configured application outside local", () => {
    expect(problems({ ...REMOTE, NHS_API_ENV: "integration", NHS_API_KEY: "the-api-key" })).toEqual(
      [expect.stringMatching(/^NHS_API_PRIVATE_KEY_FILE: missing/)],
    );
  });

  it("is not available in sandpit by default, nor wherever NHS_API_ENV=none says so", () => {
    const sandpit = { ...REMOTE, NHS_LOGIN_ENV: "sandpit" };
    expect(nhsApi(sandpit)).toEqual({ status: "not-available", environment: "none" });
    expect(nhsApi({ ...sandpit, NHS_API_ENV: "none" })).toEqual({
      status: "not-available",
      environment: "none",
    });
    expect(nhsApi({ AUTH_SECRET: SECRET, NHS_API_ENV: "none" })).toEqual({
      status: "not-available",
      environment: "none",
    });
  });

  it("refuses the integration platform for any NHS login but integration's, pointing at none", () => {
    for (const login of [{ NHS_LOGIN_ENV: "sandpit" }, { NHS_LOGIN_ENV: "local" }]) {
      const refused = problems({
        ...REMOTE,
        ...login,
        NHS_API_ENV: "integration",
        NHS_API_KEY: "the-api-key",
        NHS_API_PRIVATE_KEY: apiKey,
      }).join("\n");
      expect(refused).toMatch(
        `NHS_API_ENV: "integration" does not match NHS_LOGIN_ENV "${login.NHS_LOGIN_ENV}"`,
      );
      expect(refused).toMatch("Set NHS_API_ENV=none");
    }
  });

  it("sends production NHS login ID tokens to the production platform only", () => {
    const mismatch = problems({
      ...REMOTE,
      NHS_LOGIN_ENV: "production",
      NHS_API_ENV: "integration",
      NHS_API_KEY: "the-api-key",
      NHS_API_PRIVATE_KEY: apiKey,
    });
    expect(mismatch.join("\n")).toMatch(
      /NHS_API_ENV: "integration" does not match NHS_LOGIN_ENV "production"/,
    );
    expect(
      problems({ ...REMOTE, NHS_LOGIN_ENV: "production", NHS_API_ENV: "sandbox" }).join("\n"),
    ).toMatch(/does not match/);
  });

  it("computes the RFC 7638 thumbprint as jose does", async () => {
    const jwk = await exportJWK(createPublicKey(apiKey));
    expect(keyThumbprint(createPrivateKey(apiKey))).toBe(
      await calculateJwkThumbprint(jwk, "sha256"),
    );
  });
});
