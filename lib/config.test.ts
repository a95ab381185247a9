import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { NHS_APP_SCRIPT_PATH } from "../simulator/nhs-app-script";
import { ConfigError, loadConfig, LOCAL_CLIENT_ID, LOCAL_PRIVATE_KEY_FILE } from "./config";

const { privateKey, publicKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const SECRET = "x".repeat(32);

function problemsOf(env: Record<string, string>, files: Record<string, string> = {}): string[] {
  try {
    loadConfig(env, (path) => {
      const text = files[path];
      if (text === undefined) throw new Error("ENOENT");
      return text;
    });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("configuration", () => {
  it("runs locally against the simulator with only a secret and the local key", () => {
    const config = loadConfig({ AUTH_SECRET: SECRET }, (path) => {
      expect(path).toBe(LOCAL_PRIVATE_KEY_FILE);
      return privateKey;
    });
    expect(config.nhsLogin).toMatchObject({
      environment: "local",
      issuer: "http://localhost:4000",
      settingsUrl: "http://localhost:4000/settings",
      clientId: LOCAL_CLIENT_ID,
      pkce: true,
    });
    expect(config.nhsLogin.scopes).toContain("openid");
    expect(config.nhsLogin.vectors).toHaveLength(7);
    expect(config.session).toEqual({
      idleTimeoutSeconds: 1800,
      maxAgeSeconds: 43200,
      warningSeconds: 120,
      maxPerAccount: 10,
      maxInMemory: 10_000,
    });
    expect(config.serviceName).toBe("Patient portal");
  });

  it("maps each NHS login environment to its issuer", () => {
    const base = {
      AUTH_SECRET: SECRET,
      AUTH_URL: "https://portal.example",
      NHS_LOGIN_CLIENT_ID: "client",
      NHS_LOGIN_PRIVATE_KEY: privateKey,
      REDIS_URL: "rediss://portal:secret@redis.example:6380",
    };
    expect(loadConfig({ ...base, NHS_LOGIN_ENV: "sandpit" }).nhsLogin.issuer).toBe(
      "https://auth.sandpit.signin.nhs.uk",
    );
    expect(loadConfig({ ...base, NHS_LOGIN_ENV: "integration" }).nhsLogin.issuer).toBe(
      "https://auth.aos.signin.nhs.uk",
    );
    const production = loadConfig({ ...base, NHS_LOGIN_ENV: "production" }).nhsLogin;
    expect(production.issuer).toBe("https://auth.login.nhs.uk");
    expect(production.settingsUrl).toBe("https://settings.login.nhs.uk");
    expect(loadConfig({ ...base, NHS_LOGIN_ISSUER: "https://idp.example/" }).nhsLogin.issuer).toBe(
      "https://idp.example",
    );
  });

  it("accepts a key whose newlines were escaped in a one-line variable", () => {
    const config = loadConfig({
      AUTH_SECRET: SECRET,
      NHS_LOGIN_PRIVATE_KEY: privateKey.replace(/\n/g, "\\n"),
    });
    expect(config.nhsLogin.privateKey.asymmetricKeyType).toBe("rsa");
  });

  it.each([
    [{ NHS_LOGIN_ENV: "staging" }, /NHS_LOGIN_ENV: "staging" is not an NHS login environment/],
    [{ AUTH_SECRET: "" }, /AUTH_SECRET: missing/],
    [{ AUTH_SECRET: "short" }, /AUTH_SECRET: too short/],
    [{ NHS_LOGIN_ISSUER: "http://idp.example" }, /NHS_LOGIN_ISSUER: must use https/],
    [{ NHS_LOGIN_ISSUER: "not a url" }, /NHS_LOGIN_ISSUER: "not a url" is not a URL/],
    [{ NHS_LOGIN_SCOPES: "openid profile basic_demographics" }, /cannot be requested together/],
    [{ NHS_LOGIN_SCOPES: "profile" }, /must include openid/],
    [{ NHS_LOGIN_SCOPES: "openid address" }, /no scope address/],
    [{ NHS_LOGIN_VECTORS: "P9.Ca.Cc" }, /NHS_LOGIN_VECTORS: unknown vector P9.Ca.Cc/],
    [{ NHS_LOGIN_PRIVATE_KEY: publicKey }, /NHS_LOGIN_PRIVATE_KEY: the key is a public key/],
    [{ NHS_LOGIN_PRIVATE_KEY_FILE: "missing.pem" }, /cannot read "missing.pem"/],
    [{ SESSION_IDLE_TIMEOUT_SECONDS: "60" }, /SESSION_WARNING_SECONDS: must be shorter/],
  ])("names the variable and the fix for %j", (override, message) => {
    const problems = problemsOf({ AUTH_SECRET: SECRET, ...override } as Record<string, string>, {
      [LOCAL_PRIVATE_KEY_FILE]: privateKey,
    });
    expect(problems.join("\n")).toMatch(message);
  });

  it("allows plain http for an issuer on this machine only", () => {
    const problems = problemsOf(
      { AUTH_SECRET: SECRET, NHS_LOGIN_ISSUER: "http://127.0.0.1:4100" },
      { [LOCAL_PRIVATE_KEY_FILE]: privateKey },
    );
    expect(problems).toEqual([]);
  });

  it("requires a client ID, key and public URL outside the local environment", () => {
    const problems = problemsOf({ AUTH_SECRET: SECRET, NHS_LOGIN_ENV: "sandpit" });
    expect(problems).toEqual([
      expect.stringMatching(/^NHS_LOGIN_CLIENT_ID: missing/),
      expect.stringMatching(/^NHS_LOGIN_PRIVATE_KEY_FILE: missing/),
      expect.stringMatching(/^AUTH_URL: missing/),
      expect.stringMatching(/^REDIS_URL: missing;.*or set SESSION_STORE=memory/),
    ]);
  });

  it("takes secrets that only open, while AUTH_SECRET is rotated", () => {
    const base = { AUTH_SECRET: SECRET, NHS_LOGIN_PRIVATE_KEY: privateKey };
    const other = "o".repeat(32);
    expect(
      loadConfig({ ...base, AUTH_SECRETS_ACCEPTED: ` ${other}, ${SECRET}` }).auth.secrets,
    ).toEqual([SECRET, other]);
    expect(loadConfig(base).auth.secrets).toEqual([SECRET]);
    expect(problemsOf({ ...base, AUTH_SECRETS_ACCEPTED: "short" })).toEqual([
      expect.stringMatching(/^AUTH_SECRETS_ACCEPTED: each secret must be at least 32 characters/),
    ]);
  });

  describe("the session store", () => {
    const local = { AUTH_SECRET: SECRET, NHS_LOGIN_PRIVATE_KEY: privateKey };
    const sandpit = {
      ...local,
      NHS_LOGIN_ENV: "sandpit",
      NHS_LOGIN_CLIENT_ID: "client",
      AUTH_URL: "https://portal.example",
    };

    it("is this process's memory locally, and Redis as soon as REDIS_URL is set", () => {
      expect(loadConfig(local).sessionStore).toEqual({ kind: "memory" });
      expect(loadConfig({ ...local, REDIS_URL: "redis://localhost:6379" }).sessionStore).toEqual({
        kind: "redis",
        topology: { kind: "server", url: "redis://localhost:6379", tls: undefined },
        timeoutMs: 2_000,
      });
    });

    it("is a Sentinel set, with each side's credentials and TLS", () => {
      const store = loadConfig(
        {
          ...sandpit,
          REDIS_SENTINELS: "sentinel-1.internal:26379, sentinel-2.internal:26379,[::1]:26380",
          REDIS_SENTINEL_NAME: "portal",
          REDIS_USERNAME: "portal",
          REDIS_PASSWORD: "data-password",
          REDIS_SENTINEL_PASSWORD: "sentinel-password",
          REDIS_TLS: "true",
          REDIS_TLS_CA_FILE: "/ca.pem",
          SESSION_STORE_TIMEOUT_MS: "1500",
        },
        (path) => (path === "/ca.pem" ? "CA" : ""),
      ).sessionStore;
      expect(store).toEqual({
        kind: "redis",
        timeoutMs: 1500,
        topology: {
          kind: "sentinel",
          name: "portal",
          sentinels: [
            { host: "sentinel-1.internal", port: 26379 },
            { host: "sentinel-2.internal", port: 26379 },
            { host: "::1", port: 26380 },
          ],
          node: { username: "portal", password: "data-password" },
          sentinel: { password: "sentinel-password" },
          tls: { ca: "CA" },
        },
      });
    });

    it("is a cluster from a few seed nodes", () => {
      expect(
        loadConfig({
          ...sandpit,
          REDIS_CLUSTER_NODES: "redis-1:6379,redis-2:6379",
          REDIS_PASSWORD: "data-password",
        }).sessionStore,
      ).toEqual({
        kind: "redis",
        timeoutMs: 2_000,
        topology: {
          kind: "cluster",
          nodes: [
            { host: "redis-1", port: 6379 },
            { host: "redis-2", port: 6379 },
          ],
          node: { password: "data-password" },
          tls: undefined,
        },
      });
    });

    it("is memory outside the local environment only when SESSION_STORE says one instance is meant", () => {
      expect(loadConfig({ ...sandpit, SESSION_STORE: "memory" }).sessionStore).toEqual({
        kind: "memory",
      });
      expect(problemsOf(sandpit).join("\n")).toMatch(
        /REDIS_URL: missing; .*or set SESSION_STORE=memory if exactly one instance runs/,
      );
    });

    it.each([
      [{ REDIS_URL: "http://redis.example" }, /REDIS_URL: not a Redis URL/],
      [{ REDIS_URL: "user:hunter2@redis.example:6379" }, /REDIS_URL: not a Redis URL/],
      [{ SESSION_STORE: "redis" }, /REDIS_URL: missing/],
      [{ SESSION_STORE: "memory", REDIS_URL: "redis://r:6379" }, /remove one/],
      [{ SESSION_STORE: "cluster" }, /SESSION_STORE/],
      [
        { REDIS_URL: "redis://r:6379", REDIS_CLUSTER_NODES: "r:6379" },
        /^REDIS_URL and REDIS_CLUSTER_NODES: set only one/m,
      ],
      [
        { REDIS_SENTINELS: "s:26379", REDIS_CLUSTER_NODES: "r:6379" },
        /^REDIS_SENTINELS and REDIS_CLUSTER_NODES: set only one/m,
      ],
      [{ REDIS_SENTINELS: "s:26379" }, /^REDIS_SENTINEL_NAME: missing/m],
      [{ REDIS_SENTINEL_NAME: "portal" }, /^REDIS_SENTINELS: missing/m],
      [
        { REDIS_SENTINELS: "s", REDIS_SENTINEL_NAME: "p" },
        /^REDIS_SENTINELS: not a list of host:port/m,
      ],
      [{ REDIS_CLUSTER_NODES: "r:99999" }, /^REDIS_CLUSTER_NODES: not a list of host:port/m],
      [{ REDIS_CLUSTER_NODES: "r:6379", REDIS_SENTINEL_NAME: "p" }, /for Sentinel only/],
      [
        { REDIS_URL: "redis://r:6379", REDIS_PASSWORD: "hunter2" },
        /^REDIS_PASSWORD: not used with REDIS_URL/m,
      ],
      [{ REDIS_CLUSTER_NODES: "r:6379", REDIS_TLS: "yes" }, /^REDIS_TLS: use "true" or "false"/m],
      [
        { REDIS_URL: "rediss://r:6379", REDIS_TLS_CA_FILE: "/missing.pem" },
        /^REDIS_TLS_CA_FILE: cannot read/m,
      ],
      [{ REDIS_CLUSTER_NODES: "r:6379", REDIS_TLS_CA_FILE: "/ca.pem" }, /set REDIS_TLS=true too/],
    ])("names the mistake in %j without repeating the URL", (override, message) => {
      const files = { "/ca.pem": "CA" };
      const problems = problemsOf({ ...local, ...override } as Record<string, string>, files).join(
        "\n",
      );
      expect(problems).toMatch(message);
      expect(problems).not.toContain("hunter2");
    });
  });

  it("refuses to start a production server that does not say which NHS login and address", () => {
    const problems = problemsOf(
      { AUTH_SECRET: SECRET, NODE_ENV: "production" },
      { [LOCAL_PRIVATE_KEY_FILE]: privateKey },
    );
    expect(problems).toEqual([
      expect.stringMatching(/^NHS_LOGIN_ENV: missing; a production server must say/),
      expect.stringMatching(/^AUTH_URL: missing/),
    ]);
    // The simulator stays allowed when asked for by name, so production builds can be tested.
    const config = loadConfig(
      {
        AUTH_SECRET: SECRET,
        NODE_ENV: "production",
        NHS_LOGIN_ENV: "local",
        AUTH_URL: "http://localhost:3100",
      },
      () => privateKey,
    );
    expect(config.nhsLogin.environment).toBe("local");
  });

  it("loads the NHS App's script from the app, and locally from the simulator's stand-in", () => {
    const local = (env: Record<string, string> = {}) =>
      loadConfig({ AUTH_SECRET: SECRET, ...env }, () => privateKey).nhsApp.scriptUrl;
    expect(local()).toBe(`http://localhost:4000${NHS_APP_SCRIPT_PATH}`);
    expect(local({ NHS_LOGIN_ISSUER: "http://localhost:4100" })).toBe(
      `http://localhost:4100${NHS_APP_SCRIPT_PATH}`,
    );
    const production = {
      AUTH_SECRET: SECRET,
      AUTH_URL: "https://portal.example",
      NHS_LOGIN_ENV: "production",
      NHS_LOGIN_CLIENT_ID: "client",
      NHS_LOGIN_PRIVATE_KEY: privateKey,
      REDIS_URL: "rediss://portal:secret@redis.example:6380",
    };
    expect(loadConfig(production).nhsApp.scriptUrl).toBe(
      "https://www.nhsapp.service.nhs.uk/js/v2/nhsapp.js",
    );
    expect(
      loadConfig({ ...production, NHS_APP_JS_URL: "https://app.example/js/v2/nhsapp.js" }).nhsApp
        .scriptUrl,
    ).toBe("https://app.example/js/v2/nhsapp.js");
    expect(problemsOf({ ...production, NHS_APP_JS_URL: "http://app.example/nhsapp.js" })).toEqual([
      "NHS_APP_JS_URL: must use https (plain http is allowed only for localhost).",
    ]);
  });

  it("reports every problem at once", () => {
    const error = (() => {
      try {
        loadConfig({ NHS_LOGIN_ENV: "nowhere" }, () => {
          throw new Error("ENOENT");
        });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error?.message).toMatch(/^The portal is not configured correctly:\n {2}- /);
    expect(error?.problems.length).toBeGreaterThanOrEqual(3);
  });
});
