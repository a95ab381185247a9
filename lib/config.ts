import { readFileSync } from "node:fs";
import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import { z } from "zod";
import { ClientKeyError, parseClientPrivateKey } from "./nhs-login/client-key";
import {
  ENVIRONMENT_ENDPOINTS,
  ENVIRONMENTS,
  isAcceptableIssuerUrl,
  isEnvironment,
  type Environment,
} from "./nhs-login/environments";
import { isVector, KNOWN_SCOPES, KNOWN_VECTORS, type Vector } from "nhs-login-vocabulary";
import { checkGoLive, TEMPLATE_SERVICE_NAME, type OverriddenGuard } from "./go-live";
import type { NhsApiSettings } from "./nhs-api/settings";
import type { SessionBounds, SessionLimits } from "./session/rules";
import { DEFAULT_SESSION_BOUNDS } from "./session/rules";
import { readRedisTopology, type RedisTopology } from "./session/redis-topology";
import { NHS_APP_SCRIPT_URL, SIMULATOR_NHS_APP_SCRIPT_PATH } from "./nhs-app";

export interface Config {
  serviceName: string;
  nhsLogin: {
    environment: Environment;
    issuer: string;
    settingsUrl: string;
    clientId: string;
    privateKey: KeyObject;
    scopes: string[];
    vectors: Vector[];
    pkce: boolean;
    /** How long to wait for NHS login before telling the person it is unavailable. */
    timeoutMs: number;
  };
  auth: {
    /** What seals, then any secret that only opens what it sealed (a rotation under way). */
    secrets: readonly [string, ...string[]];
    /** The portal's public base URL; without it (local only) the request's host is trusted. */
    url: string | undefined;
    /** Served over https: every cookie is Secure and `__Host-` prefixed (see lib/cookies.ts). */
    secureCookies: boolean;
  };
  /** Where sessions live: Redis when instances share them, this process's memory for one. */
  sessionStore: { kind: "memory" } | { kind: "redis"; topology: RedisTopology; timeoutMs: number };
  session: SessionLimits &
    SessionBounds & {
      warningSeconds: number;
    };
  nhsApi: NhsApiConfig;
  /** Go-live guards that an override let through (lib/go-live): logged at every start. */
  goLiveOverrides: OverriddenGuard[];
  nhsApp: {
    /** The NHS App's JavaScript API, loaded only inside the app (locally, the simulator's stand-in). */
    scriptUrl: string;
  };
}

/** Start-up refuses to continue until every listed problem is fixed. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`The portal is not configured correctly:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export const LOCAL_CLIENT_ID = "portal-local";
export const LOCAL_PRIVATE_KEY_FILE = ".local/nhs-login-private-key.pem";
const DEFAULT_SCOPES =
  "openid profile profile_extended email phone gp_registration_details gp_integration_credentials";

const positiveInteger = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const envSchema = z.object({
  SERVICE_NAME: z.string().trim().min(1).default(TEMPLATE_SERVICE_NAME),
  NHS_LOGIN_ENV: z.string().default("local"),
  NHS_LOGIN_ISSUER: z.string().optional(),
  NHS_LOGIN_SETTINGS_URL: z.string().optional(),
  NHS_LOGIN_CLIENT_ID: z.string().trim().min(1).optional(),
  NHS_LOGIN_PRIVATE_KEY: z.string().optional(),
  NHS_LOGIN_PRIVATE_KEY_FILE: z.string().optional(),
  NHS_LOGIN_SCOPES: z.string().default(DEFAULT_SCOPES),
  NHS_LOGIN_VECTORS: z.string().default(KNOWN_VECTORS.join(" ")),
  NHS_LOGIN_PKCE: z.enum(["true", "false"]).default("true"),
  NHS_LOGIN_TIMEOUT_MS: positiveInteger(10_000),
  AUTH_SECRET: z.string().optional(),
  AUTH_SECRETS_ACCEPTED: z.string().optional(),
  AUTH_URL: z.string().optional(),
  SESSION_IDLE_TIMEOUT_SECONDS: positiveInteger(30 * 60),
  SESSION_MAX_AGE_SECONDS: positiveInteger(12 * 60 * 60),
  SESSION_WARNING_SECONDS: positiveInteger(2 * 60),
  SESSION_MAX_PER_ACCOUNT: positiveInteger(DEFAULT_SESSION_BOUNDS.maxPerAccount),
  SESSION_MEMORY_MAX_SESSIONS: positiveInteger(DEFAULT_SESSION_BOUNDS.maxInMemory),
  SESSION_STORE: z.enum(["memory", "redis"]).optional(),
  SESSION_STORE_TIMEOUT_MS: positiveInteger(2_000),
  NODE_ENV: z.string().optional(),
  NHS_APP_JS_URL: z.string().optional(),
});

type Env = Record<string, string | undefined>;
type ReadFile = (path: string) => string;

/** Parses and checks the environment, collecting every problem so a team fixes them in one go. */
export function loadConfig(
  env: Env,
  readFile: ReadFile = (path) => readFileSync(path, "utf8"),
): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const vars = parsed.data;
  const problems: string[] = [];

  const production = vars.NODE_ENV === "production";
  if (production && env.NHS_LOGIN_ENV === undefined) {
    problems.push(
      `NHS_LOGIN_ENV: missing; a production server must say which NHS login it uses (${ENVIRONMENTS.join(", ")}), so that a forgotten variable never sends people to the local simulator.`,
    );
  }
  const environment = vars.NHS_LOGIN_ENV;
  if (!isEnvironment(environment)) {
    problems.push(
      `NHS_LOGIN_ENV: "${environment}" is not an NHS login environment; use one of ${ENVIRONMENTS.join(", ")}.`,
    );
  }
  const endpoints = ENVIRONMENT_ENDPOINTS[isEnvironment(environment) ? environment : "local"];
  const isLocal = environment === "local";

  const issuer = checkUrl("NHS_LOGIN_ISSUER", vars.NHS_LOGIN_ISSUER ?? endpoints.issuer, problems);
  const settingsUrl = vars.NHS_LOGIN_SETTINGS_URL
    ? checkUrl("NHS_LOGIN_SETTINGS_URL", vars.NHS_LOGIN_SETTINGS_URL, problems)
    : vars.NHS_LOGIN_ISSUER && isLocal
      ? `${issuer}/settings`
      : endpoints.settingsUrl;

  const clientId = vars.NHS_LOGIN_CLIENT_ID ?? (isLocal ? LOCAL_CLIENT_ID : undefined);
  if (!clientId) {
    problems.push(
      "NHS_LOGIN_CLIENT_ID: missing; set it to the client ID NHS login gave you for this environment.",
    );
  }

  const privateKey = loadPrivateKey(vars, isLocal, readFile, problems);
  const scopes = checkScopes(vars.NHS_LOGIN_SCOPES, problems);
  const vectors = checkVectors(vars.NHS_LOGIN_VECTORS, problems);

  if (!vars.AUTH_SECRET || vars.AUTH_SECRET.length < 32) {
    problems.push(
      `AUTH_SECRET: ${vars.AUTH_SECRET ? "too short" : "missing"}; set at least 32 random characters (openssl rand -base64 33) shared by every instance of the portal.`,
    );
  }
  const acceptedSecrets = checkAcceptedSecrets(
    vars.AUTH_SECRETS_ACCEPTED,
    vars.AUTH_SECRET,
    problems,
  );
  const url = vars.AUTH_URL ? checkUrl("AUTH_URL", vars.AUTH_URL, problems) : undefined;
  if (!url && (!isLocal || production)) {
    problems.push(
      "AUTH_URL: missing; set it to the portal's public https base URL, which redirects and cookies are built on.",
    );
  }
  const sessionStore = checkSessionStore(env, vars, isLocal, readFile, problems);
  if (vars.SESSION_WARNING_SECONDS >= vars.SESSION_IDLE_TIMEOUT_SECONDS) {
    problems.push("SESSION_WARNING_SECONDS: must be shorter than SESSION_IDLE_TIMEOUT_SECONDS.");
  }
  const nhsApi = loadNhsApiConfig(env, { environment, issuer }, readFile, problems);
  const goLive = isEnvironment(environment)
    ? goLiveGuards(env, { serviceName: vars.SERVICE_NAME, environment, issuer, nhsApi }, readFile)
    : undefined;
  problems.push(...(goLive?.problems ?? []));
  const nhsAppScriptUrl = checkUrl(
    "NHS_APP_JS_URL",
    vars.NHS_APP_JS_URL ??
      (isLocal ? `${issuer}${SIMULATOR_NHS_APP_SCRIPT_PATH}` : NHS_APP_SCRIPT_URL),
    problems,
  );

  if (
    problems.length > 0 ||
    !clientId ||
    !privateKey ||
    !sessionStore ||
    !isEnvironment(environment)
  ) {
    throw new ConfigError(problems);
  }
  return {
    serviceName: vars.SERVICE_NAME,
    nhsLogin: {
      environment,
      issuer,
      settingsUrl,
      clientId,
      privateKey,
      scopes,
      vectors,
      pkce: vars.NHS_LOGIN_PKCE === "true",
      timeoutMs: vars.NHS_LOGIN_TIMEOUT_MS,
    },
    auth: {
      secrets: [vars.AUTH_SECRET!, ...acceptedSecrets],
      url,
      secureCookies: url?.startsWith("https:") ?? false,
    },
    sessionStore,
    session: {
      idleTimeoutSeconds: vars.SESSION_IDLE_TIMEOUT_SECONDS,
      maxAgeSeconds: vars.SESSION_MAX_AGE_SECONDS,
      warningSeconds: vars.SESSION_WARNING_SECONDS,
      maxPerAccount: vars.SESSION_MAX_PER_ACCOUNT,
      maxInMemory: vars.SESSION_MEMORY_MAX_SESSIONS,
    },
    nhsApi,
    goLiveOverrides: goLive?.overridden ?? [],
    nhsApp: { scriptUrl: nhsAppScriptUrl },
  };
}

/**
 * Secrets that open what they sealed but seal nothing: the old one after a rotation, or the new
 * one before it, while every instance takes the change (docs/deploying.md says the steps).
 */
function checkAcceptedSecrets(
  value: string | undefined,
  current: string | undefined,
  problems: string[],
): string[] {
  const secrets = (value ?? "")
    .split(",")
    .map((secret) => secret.trim())
    .filter(Boolean);
  if (secrets.some((secret) => secret.length < 32)) {
    problems.push(
      "AUTH_SECRETS_ACCEPTED: each secret must be at least 32 characters, separated by commas.",
    );
  }
  return secrets.filter((secret) => secret !== current);
}

/** The go-live guards (lib/go-live) on the addresses and words this configuration would use. */
function goLiveGuards(
  env: Env,
  using: { serviceName: string; environment: Environment; issuer: string; nhsApi: NhsApiConfig },
  readFile: ReadFile,
) {
  const { nhsApi } = using;
  const calledPlatform =
    nhsApi.status === "configured" &&
    nhsApi.environment !== "local" &&
    nhsApi.environment !== "none"
      ? {
          environment: nhsApi.environment,
          baseUrl: nhsApi.settings.baseUrl,
          ownBaseUrl: NHS_API_BASE_URLS[nhsApi.environment],
        }
      : undefined;
  return checkGoLive(
    env,
    {
      serviceName: using.serviceName,
      nhsLogin: { environment: using.environment, issuer: using.issuer },
      nhsApi: calledPlatform,
    },
    readFile,
  );
}

function checkUrl(name: string, value: string, problems: string[]): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push(`${name}: "${value}" is not a URL.`);
    return value;
  }
  if (!isAcceptableIssuerUrl(url)) {
    problems.push(`${name}: must use https (plain http is allowed only for localhost).`);
  }
  return value.replace(/\/+$/, "");
}

/**
 * Redis for any deployment with more than one instance (one server, Sentinel or a cluster: see
 * lib/session/redis-topology.ts); this process's memory where one is enough: locally by default,
 * elsewhere only when SESSION_STORE=memory says so.
 */
function checkSessionStore(
  env: Env,
  vars: z.infer<typeof envSchema>,
  isLocal: boolean,
  readFile: ReadFile,
  problems: string[],
): Config["sessionStore"] | undefined {
  const before = problems.length;
  const topology = readRedisTopology(env, readFile, problems);
  if (problems.length > before) return undefined;
  const kind = vars.SESSION_STORE ?? (topology ? "redis" : isLocal ? "memory" : undefined);
  if (kind === "memory" && topology) {
    problems.push(
      "SESSION_STORE: memory, but a Redis is set too; remove one (Redis is for more than one instance).",
    );
    return undefined;
  }
  if (kind === "memory") return { kind };
  if (!topology) {
    problems.push(
      "REDIS_URL: missing; set it to the Redis (redis://, or rediss:// for TLS) that every instance of the portal shares (or REDIS_SENTINELS with REDIS_SENTINEL_NAME, or REDIS_CLUSTER_NODES), or set SESSION_STORE=memory if exactly one instance runs.",
    );
    return undefined;
  }
  return { kind: "redis", topology, timeoutMs: vars.SESSION_STORE_TIMEOUT_MS };
}

function loadPrivateKey(
  vars: z.infer<typeof envSchema>,
  isLocal: boolean,
  readFile: ReadFile,
  problems: string[],
): KeyObject | undefined {
  if (vars.NHS_LOGIN_PRIVATE_KEY && vars.NHS_LOGIN_PRIVATE_KEY_FILE) {
    problems.push("NHS_LOGIN_PRIVATE_KEY and NHS_LOGIN_PRIVATE_KEY_FILE: set one, not both.");
    return undefined;
  }
  let name = "NHS_LOGIN_PRIVATE_KEY";
  let pem = vars.NHS_LOGIN_PRIVATE_KEY?.replace(/\\n/g, "\n");
  if (!pem) {
    const path = vars.NHS_LOGIN_PRIVATE_KEY_FILE ?? (isLocal ? LOCAL_PRIVATE_KEY_FILE : undefined);
    name = "NHS_LOGIN_PRIVATE_KEY_FILE";
    if (!path) {
      problems.push(
        "NHS_LOGIN_PRIVATE_KEY_FILE: missing; point it at your client's private key (npm run keys creates one), or put the PEM in NHS_LOGIN_PRIVATE_KEY.",
      );
      return undefined;
    }
    try {
      pem = readFile(path);
    } catch {
      problems.push(
        `${name}: cannot read "${path}"; check the path and its permissions${isLocal ? ", or run npm run keys" : ""}.`,
      );
      return undefined;
    }
  }
  try {
    return parseClientPrivateKey(pem);
  } catch (error) {
    if (!(error instanceof ClientKeyError)) throw error;
    problems.push(`${name}: the key ${error.message}.`);
    return undefined;
  }
}

function checkScopes(value: string, problems: string[]): string[] {
  const scopes = value.split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((scope) => !(KNOWN_SCOPES as readonly string[]).includes(scope));
  if (unknown.length > 0) {
    problems.push(`NHS_LOGIN_SCOPES: NHS login has no scope ${unknown.join(", ")}.`);
  }
  if (!scopes.includes("openid")) {
    problems.push("NHS_LOGIN_SCOPES: must include openid.");
  }
  if (scopes.includes("profile") && scopes.includes("basic_demographics")) {
    problems.push(
      "NHS_LOGIN_SCOPES: profile and basic_demographics cannot be requested together; basic_demographics is profile without the NHS number, so keep one.",
    );
  }
  return scopes;
}

function checkVectors(value: string, problems: string[]): Vector[] {
  const items = value.split(/[\s,]+/).filter(Boolean);
  const unknown = items.filter((item) => !isVector(item));
  if (unknown.length > 0 || items.length === 0) {
    problems.push(
      `NHS_LOGIN_VECTORS: ${unknown.length ? `unknown vector ${unknown.join(", ")}` : "empty"}; use the vectors registered for your client, from ${KNOWN_VECTORS.join(" ")}.`,
    );
  }
  return items.filter(isVector);
}

// ---------------------------------------------------------------------------------------------
// NHS England's API platform: where it is, and the application registered with it.

/**
 * `none`: no API platform serves this environment. No platform environment accepts NHS login
 * sandpit's ID tokens, so it is sandpit's default, and the API pages say so instead of failing.
 */
export const NHS_API_ENVIRONMENTS = [
  "local",
  "sandbox",
  "integration",
  "production",
  "none",
] as const;
export type NhsApiEnvironment = (typeof NHS_API_ENVIRONMENTS)[number];

/** The platform's base URLs; locally it is the simulator, on NHS login's own address. */
export const NHS_API_BASE_URLS: Record<Exclude<NhsApiEnvironment, "local" | "none">, string> = {
  sandbox: "https://sandbox.api.service.nhs.uk",
  integration: "https://int.api.service.nhs.uk",
  production: "https://api.service.nhs.uk",
};

export const LOCAL_API_KEY = "portal-local-api-key";
export const LOCAL_API_PRIVATE_KEY_FILE = ".local/nhs-api-private-key.pem";

export type NhsApiConfig =
  | { status: "configured"; environment: NhsApiEnvironment; settings: NhsApiSettings }
  /** The portal runs; pages that need the APIs say the service is not set up. */
  | { status: "not-configured"; environment: NhsApiEnvironment; reason: string }
  /** No platform in this environment: pages that need the APIs say they are not available here. */
  | { status: "not-available"; environment: "none" };

const nhsApiEnvSchema = z.object({
  NHS_API_ENV: z.string().optional(),
  NHS_API_BASE_URL: z.string().optional(),
  NHS_API_KEY: z.string().trim().min(1).optional(),
  NHS_API_KEY_ID: z.string().trim().min(1).optional(),
  NHS_API_PRIVATE_KEY: z.string().optional(),
  NHS_API_PRIVATE_KEY_FILE: z.string().optional(),
  NHS_API_SECRET: z.string().trim().min(1).optional(),
  NHS_API_TIMEOUT_MS: positiveInteger(10_000),
});

function canRead(readFile: ReadFile, path: string): boolean {
  try {
    readFile(path);
    return true;
  } catch {
    return false;
  }
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/** The RFC 7638 thumbprint of the key's public half: the `kid` when NHS_API_KEY_ID is not set. */
export function keyThumbprint(key: KeyObject): string {
  const { e, kty, n } = createPublicKey(key).export({ format: "jwk" });
  return createHash("sha256").update(JSON.stringify({ e, kty, n })).digest("base64url");
}

function loadApiPrivateKey(
  vars: z.infer<typeof nhsApiEnvSchema>,
  isLocal: boolean,
  readFile: ReadFile,
  problems: string[],
): KeyObject | undefined {
  if (vars.NHS_API_PRIVATE_KEY && vars.NHS_API_PRIVATE_KEY_FILE) {
    problems.push("NHS_API_PRIVATE_KEY and NHS_API_PRIVATE_KEY_FILE: set one, not both.");
    return undefined;
  }
  let name = "NHS_API_PRIVATE_KEY";
  let pem = vars.NHS_API_PRIVATE_KEY?.replace(/\\n/g, "\n");
  if (!pem) {
    name = "NHS_API_PRIVATE_KEY_FILE";
    const path =
      vars.NHS_API_PRIVATE_KEY_FILE ?? (isLocal ? LOCAL_API_PRIVATE_KEY_FILE : undefined);
    if (!path) {
      problems.push(
        "NHS_API_PRIVATE_KEY_FILE: missing; point it at the private key whose public half is registered with the API platform (npm run keys creates one), or put the PEM in NHS_API_PRIVATE_KEY.",
      );
      return undefined;
    }
    try {
      pem = readFile(path);
    } catch {
      problems.push(
        `${name}: cannot read "${path}"; check the path and its permissions${isLocal ? ", or run npm run keys" : ""}.`,
      );
      return undefined;
    }
  }
  try {
    return parseClientPrivateKey(pem);
  } catch (error) {
    if (!(error instanceof ClientKeyError)) throw error;
    problems.push(`${name}: the key ${error.message.replace(/NHS login/g, "the API platform")}.`);
    return undefined;
  }
}

/**
 * The API platform's settings. Locally they need nothing (the simulator registers the portal's
 * key); elsewhere, none set means "not set up" (the portal runs without its API pages), and a
 * partial set is a mistake to fix before start-up.
 */
export function loadNhsApiConfig(
  env: Env,
  nhsLogin: { environment: string; issuer: string },
  readFile: ReadFile,
  problems: string[],
): NhsApiConfig {
  const parsed = nhsApiEnvSchema.safeParse(env);
  if (!parsed.success) {
    problems.push(
      ...parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
    return { status: "not-configured", environment: "local", reason: "invalid configuration" };
  }
  const vars = parsed.data;
  const environment = (vars.NHS_API_ENV ??
    (nhsLogin.environment === "sandpit" ? "none" : "local")) as NhsApiEnvironment;
  if (!(NHS_API_ENVIRONMENTS as readonly string[]).includes(environment)) {
    problems.push(
      `NHS_API_ENV: "${vars.NHS_API_ENV}" is not an API platform environment; use one of ${NHS_API_ENVIRONMENTS.join(", ")}.`,
    );
    return { status: "not-configured", environment: "local", reason: "invalid configuration" };
  }
  if (environment === "none") return { status: "not-available", environment };
  const isLocal = environment === "local";
  const loginIsProduction = nhsLogin.environment === "production";
  const integrationMismatch =
    environment === "integration" && nhsLogin.environment !== "integration";
  if (
    (loginIsProduction !== (environment === "production") || integrationMismatch) &&
    environment !== "local"
  ) {
    problems.push(
      `NHS_API_ENV: "${environment}" does not match NHS_LOGIN_ENV "${nhsLogin.environment}"; ID tokens of real people go only to the production platform, and it accepts no others; the integration platform accepts NHS login integration's only. Set NHS_API_ENV=none where no platform serves your NHS login environment.`,
    );
  }
  if (isLocal && nhsLogin.environment !== "local") {
    return {
      status: "not-configured",
      environment,
      reason: "NHS_API_ENV is local, but NHS login is not the local simulator; set NHS_API_ENV",
    };
  }
  const baseUrl = checkUrl(
    "NHS_API_BASE_URL",
    vars.NHS_API_BASE_URL ?? (isLocal ? originOf(nhsLogin.issuer) : NHS_API_BASE_URLS[environment]),
    problems,
  );
  const timeoutMs = vars.NHS_API_TIMEOUT_MS;
  // The sandbox's APIs take no token and no API key: there is nothing to register.
  if (environment === "sandbox")
    return { status: "configured", environment, settings: { baseUrl, timeoutMs } };

  const anySet = [
    vars.NHS_API_KEY,
    vars.NHS_API_PRIVATE_KEY,
    vars.NHS_API_PRIVATE_KEY_FILE,
    vars.NHS_API_KEY_ID,
    vars.NHS_API_SECRET,
  ].some(Boolean);
  if (!isLocal && !anySet) {
    return {
      status: "not-configured",
      environment,
      reason: "NHS_API_KEY and NHS_API_PRIVATE_KEY_FILE are not set",
    };
  }
  const apiKey = vars.NHS_API_KEY ?? (isLocal ? LOCAL_API_KEY : undefined);
  if (!apiKey) {
    problems.push(
      "NHS_API_KEY: missing; set it to the API key of your application on the API platform.",
    );
  }
  const localDefaultKey = isLocal && !vars.NHS_API_PRIVATE_KEY && !vars.NHS_API_PRIVATE_KEY_FILE;
  if (localDefaultKey && !canRead(readFile, LOCAL_API_PRIVATE_KEY_FILE)) {
    // Only the local default: the simulator (or npm run dev) creates it. A key a team names is
    // checked strictly below.
    return {
      status: "not-configured",
      environment,
      reason: `the local API key ${LOCAL_API_PRIVATE_KEY_FILE} is missing; npm run dev or npm run simulator creates it`,
    };
  }
  const privateKey = loadApiPrivateKey(vars, isLocal, readFile, problems);
  if (!apiKey || !privateKey) {
    return { status: "not-configured", environment, reason: "invalid configuration" };
  }
  return {
    status: "configured",
    environment,
    settings: {
      baseUrl,
      timeoutMs,
      application: {
        apiKey,
        keyId: vars.NHS_API_KEY_ID ?? keyThumbprint(privateKey),
        privateKey,
        ...(vars.NHS_API_SECRET ? { secret: vars.NHS_API_SECRET } : {}),
      },
    },
  };
}

let cached: Config | undefined;

/** The configuration from process.env, checked once. */
export function getConfig(): Config {
  cached ??= loadConfig(process.env);
  return cached;
}
