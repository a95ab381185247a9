/**
 * The simulator's settings from the command line, the environment and a settings file, in that
 * order of precedence. One table lists every setting, so `--help` and the parser cannot disagree.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { z } from "zod";
import { DEFAULT_LOCAL_API_KEY, DEFAULT_LOCAL_API_KEY_FILE } from "./api-platform";
import { CONSENT_ANSWERS, MODES, UPLIFT_ANSWERS } from "./headless";
import {
  DEFAULT_LOCAL_CLIENT_ID,
  DEFAULT_LOCAL_KEY_FILE,
  DEFAULT_LOCAL_REDIRECT_URI,
} from "./local-client";
import { DEFAULT_HOST, DEFAULT_KEYS_FILE, DEFAULT_PORT, type SimulatorOptions } from "./server";

interface Setting {
  flag: string;
  env: string;
  /** What the value looks like in --help; none for a switch. */
  value?: string;
  default?: string;
  help: string;
}

const SETTINGS = [
  {
    flag: "port",
    env: "SIMULATOR_PORT",
    value: "<n>",
    default: String(DEFAULT_PORT),
    help: "port to listen on (0: any free port)",
  },
  {
    flag: "host",
    env: "SIMULATOR_HOST",
    value: "<address>",
    default: `${DEFAULT_HOST} (this machine only)`,
    help: "interface to listen on; 0.0.0.0 in a container",
  },
  {
    flag: "issuer",
    env: "SIMULATOR_ISSUER",
    value: "<origin>",
    default: "http://localhost:<port>",
    help: "issuer and base URL that services and browsers use",
  },
  {
    flag: "clients-file",
    env: "SIMULATOR_CLIENTS_FILE",
    value: "<path>",
    help: "JSON file of the services to register",
  },
  {
    flag: "personas-file",
    env: "SIMULATOR_PERSONAS_FILE",
    value: "<path>",
    help: "JSON file of more test people",
  },
  {
    flag: "mode",
    env: "SIMULATOR_MODE",
    value: MODES.join("|"),
    default: "interactive",
    help: "headless: /authorize answers at once, with no pages",
  },
  {
    flag: "persona",
    env: "SIMULATOR_PERSONA",
    value: "<id>",
    help: "headless: who logs in when the request names nobody",
  },
  {
    flag: "consent",
    env: "SIMULATOR_CONSENT",
    value: CONSENT_ANSWERS.join("|"),
    default: "agree",
    help: "headless: the answer on the consent page",
  },
  {
    flag: "uplift",
    env: "SIMULATOR_UPLIFT",
    value: UPLIFT_ANSWERS.join("|"),
    default: "complete",
    help: "headless: the answer when an identity check is needed",
  },
  {
    flag: "keys-file",
    env: "SIMULATOR_KEYS_FILE",
    value: "<path>|memory",
    default: DEFAULT_KEYS_FILE,
    help: "where the simulator's signing keys persist",
  },
  {
    flag: "control-from-anywhere",
    env: "SIMULATOR_CONTROL_FROM_ANYWHERE",
    help: "let other machines use the control API (private test networks only)",
  },
  {
    flag: "control-token",
    env: "SIMULATOR_CONTROL_TOKEN",
    value: "<text>",
    help: "the control API's token (Authorization: Bearer); made and printed if the issuer is not on this machine",
  },
  {
    flag: "no-local-client",
    env: "SIMULATOR_NO_LOCAL_CLIENT",
    help: "do not register the portal's local client",
  },
  {
    flag: "local-client-id",
    env: "NHS_LOGIN_CLIENT_ID",
    value: "<id>",
    default: DEFAULT_LOCAL_CLIENT_ID,
    help: "the local client's id",
  },
  {
    flag: "local-client-key",
    env: "NHS_LOGIN_PRIVATE_KEY_FILE",
    value: "<path>",
    default: DEFAULT_LOCAL_KEY_FILE,
    help: "the local client's private key (PKCS#8 PEM), made if missing",
  },
  {
    flag: "redirect-uris",
    env: "SIMULATOR_REDIRECT_URIS",
    value: "<url,...>",
    default: DEFAULT_LOCAL_REDIRECT_URI,
    help: "the local client's redirect URIs",
  },
  {
    flag: "api-apps-file",
    env: "SIMULATOR_API_APPLICATIONS_FILE",
    value: "<path>",
    help: "JSON file of the applications to register with the API platform",
  },
  {
    flag: "no-local-api-app",
    env: "SIMULATOR_NO_LOCAL_API_APP",
    help: "do not register the portal's local API platform application",
  },
  {
    flag: "local-api-key",
    env: "NHS_API_KEY",
    value: "<key>",
    default: DEFAULT_LOCAL_API_KEY,
    help: "the local API application's API key",
  },
  {
    flag: "local-api-pem",
    env: "NHS_API_PRIVATE_KEY_FILE",
    value: "<path>",
    default: DEFAULT_LOCAL_API_KEY_FILE,
    help: "the local API application's private key (PKCS#8 PEM), made if missing",
  },
  {
    flag: "local-api-kid",
    env: "NHS_API_KEY_ID",
    value: "<kid>",
    default: "the key's RFC 7638 thumbprint",
    help: "the kid the local API application's public key is registered under",
  },
  {
    flag: "local-api-secret",
    env: "NHS_API_SECRET",
    value: "<text>",
    help: "the local API application's secret; without one, refreshes are refused",
  },
  {
    flag: "config",
    env: "SIMULATOR_CONFIG_FILE",
    value: "<path>",
    help: "JSON file of any of these settings, by flag name",
  },
] as const satisfies readonly Setting[];

type Flag = (typeof SETTINGS)[number]["flag"];
type Raw = Partial<Record<Flag, string | boolean>>;

export class SettingsError extends Error {}

export function helpText(): string {
  const rows = SETTINGS.map((setting: Setting) =>
    [
      `  --${setting.flag}${setting.value ? ` ${setting.value}` : ""}`,
      `      ${setting.help}`,
      `      ${setting.env}${setting.value ? "" : "=true"}${setting.default ? `, default ${setting.default}` : ""}`,
    ].join("\n"),
  );
  return [
    "nhs-login-simulator: a local NHS login for development and tests. It is not NHS login.",
    "",
    "Usage: nhs-login-simulator [options]",
    "",
    "Options (a flag wins over its environment variable, which wins over --config):",
    ...rows,
    "  --help\n      this text",
    "",
    "SIMULATOR_ALLOW_PRODUCTION=true lets it start when NODE_ENV=production.",
    "Control API, personas, faults and headless mode: see the README beside this package.",
  ].join("\n");
}

function fromArgs(argv: string[]): { raw: Raw; help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        ...Object.fromEntries(
          SETTINGS.map((setting: Setting) => [
            setting.flag,
            { type: setting.value ? "string" : "boolean" } as const,
          ]),
        ),
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (error) {
    throw new SettingsError(
      `${error instanceof Error ? error.message : error}\nRun with --help to see every setting.`,
    );
  }
  const { help, ...values } = parsed.values as Raw & { help?: boolean };
  return { raw: values, help: help === true };
}

function fromEnvironment(env: Record<string, string | undefined>): Raw {
  const raw: Raw = {};
  for (const setting of SETTINGS as readonly Setting[]) {
    const value = env[setting.env];
    if (value === undefined || value === "") continue;
    raw[setting.flag as Flag] = setting.value ? value : value === "true";
  }
  return raw;
}

function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function fromFile(path: string): Raw {
  let content: unknown;
  try {
    content = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new SettingsError(
      `config file ${path}: ${error instanceof Error ? error.message : error}`,
    );
  }
  const settings = (SETTINGS as readonly Setting[]).filter((setting) => setting.flag !== "config");
  const schema = z.strictObject(
    Object.fromEntries(
      settings.map((setting) => [
        camelCase(setting.flag),
        (setting.value
          ? z.union([z.string(), z.number(), z.array(z.string())])
          : z.boolean()
        ).optional(),
      ]),
    ),
  );
  const parsed = schema.safeParse(content);
  if (!parsed.success) {
    throw new SettingsError(`config file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  const raw: Raw = {};
  for (const setting of settings) {
    const value = parsed.data[camelCase(setting.flag)];
    if (value === undefined) continue;
    raw[setting.flag as Flag] = Array.isArray(value)
      ? value.join(",")
      : typeof value === "number"
        ? String(value)
        : value;
  }
  return raw;
}

function list(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  return items && items.length > 0 ? items : undefined;
}

function oneOf<T extends string>(
  flag: string,
  allowed: readonly T[],
  value: unknown,
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string" && (allowed as readonly string[]).includes(value))
    return value as T;
  throw new SettingsError(
    `--${flag} must be one of ${allowed.join(", ")}, not ${JSON.stringify(value)}`,
  );
}

function checkedIssuer(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SettingsError(
      `--issuer (SIMULATOR_ISSUER) must be a URL, not ${JSON.stringify(value)}`,
    );
  }
  if (!/^https?:$/.test(url.protocol) || url.pathname !== "/" || url.search || url.hash) {
    throw new SettingsError(
      "--issuer (SIMULATOR_ISSUER) must be an http(s) origin only, like http://localhost:4000",
    );
  }
  return url.origin;
}

function toOptions(raw: Raw): SimulatorOptions {
  const text = (flag: Flag) => {
    const value = raw[flag];
    return typeof value === "string" ? value : undefined;
  };
  const portText = text("port");
  const port = portText === undefined ? DEFAULT_PORT : Number(portText);
  if (!/^\d+$/.test(portText ?? "0") || !Number.isInteger(port) || port > 65535) {
    throw new SettingsError(
      `--port (SIMULATOR_PORT) must be a port number, not ${JSON.stringify(portText)}`,
    );
  }
  const keysFile = text("keys-file");
  const issuer = text("issuer");
  const mode = oneOf("mode", MODES, raw.mode);
  const consent = oneOf("consent", CONSENT_ANSWERS, raw.consent);
  const uplift = oneOf("uplift", UPLIFT_ANSWERS, raw.uplift);
  const persona = text("persona");
  return {
    port,
    host: text("host") ?? DEFAULT_HOST,
    ...(raw["control-from-anywhere"] === true ? { controlFromAnywhere: true } : {}),
    ...(text("control-token") ? { controlToken: text("control-token") } : {}),
    ...(issuer ? { issuer: checkedIssuer(issuer) } : {}),
    localClient:
      raw["no-local-client"] === true
        ? false
        : {
            keyFile: text("local-client-key") ?? DEFAULT_LOCAL_KEY_FILE,
            clientId: text("local-client-id") ?? DEFAULT_LOCAL_CLIENT_ID,
            redirectUris: list(text("redirect-uris")) ?? [DEFAULT_LOCAL_REDIRECT_URI],
          },
    ...(text("clients-file") ? { clientsFile: text("clients-file") } : {}),
    ...(text("personas-file") ? { personasFile: text("personas-file") } : {}),
    ...(keysFile ? { keysFile: keysFile === "memory" ? false : keysFile } : {}),
    ...(mode ? { mode } : {}),
    headless: {
      ...(persona ? { persona } : {}),
      ...(consent ? { consent } : {}),
      ...(uplift ? { uplift } : {}),
    },
    apiPlatform: {
      // The portal's own NHS_API_* settings register its application, as NHS_LOGIN_* do its client.
      localApplication:
        raw["no-local-api-app"] === true
          ? false
          : {
              keyFile: text("local-api-pem") ?? DEFAULT_LOCAL_API_KEY_FILE,
              apiKey: text("local-api-key") ?? DEFAULT_LOCAL_API_KEY,
              ...(text("local-api-kid") ? { keyId: text("local-api-kid") } : {}),
              ...(text("local-api-secret") ? { secret: text("local-api-secret") } : {}),
            },
      ...(text("api-apps-file") ? { applicationsFile: text("api-apps-file") } : {}),
    },
  };
}

export type Settings = { help: true } | { help: false; options: SimulatorOptions };

/** Reads every setting: flags, then the environment, then the --config file, then defaults. */
export function readSettings(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): Settings {
  const args = fromArgs(argv);
  if (args.help) return { help: true };
  const environment = fromEnvironment(env);
  const configFile = args.raw.config ?? environment.config;
  const file = typeof configFile === "string" ? fromFile(configFile) : {};
  return { help: false, options: toOptions({ ...file, ...environment, ...args.raw }) };
}
