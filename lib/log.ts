import pino, { type DestinationStream, type Logger } from "pino";
import { scrubText, SENSITIVE_NAMES, WITHHELD } from "./personal-data";
import { currentRequestReference } from "./request-context";

export { isReference, newReference } from "./reference";
export { requestReference } from "./request-context";

type Env = Record<string, string | undefined>;

export type Level = "debug" | "info" | "warn" | "error";
type Fields = Record<string, string | number | boolean | undefined>;
/** Writes one line: what happened (`event`) and what helps an operator act on it. */
export type Log = (level: Level, event: string, fields?: Fields) => void;

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
type LogLevel = (typeof LOG_LEVELS)[number];

function isLogLevel(value: string): value is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(value);
}

/** LOG_LEVEL, for the start-up check: a problem to report, or none. */
export function logLevelProblem(value: string | undefined): string | undefined {
  if (value === undefined || value === "" || isLogLevel(value)) return undefined;
  return `LOG_LEVEL: "${value}" is not a level; use one of ${LOG_LEVELS.join(", ")} (info by default).`;
}

/** Text in any field may quote a token, a URL with a code in its query, or the person. */
function scrubValues(fields: Record<string, unknown>): Record<string, unknown> {
  const scrubbed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    scrubbed[key] = typeof value === "string" ? scrubText(value) : value;
  }
  return scrubbed;
}

/**
 * One JSON line per event, for operators: `time`, `level`, `event`, the request's `reference`
 * (the one its error page shows) and the module that logged it. Personal data and secrets are
 * kept out by construction: fields with a sensitive name are withheld (pino's redact, one level
 * deep too), and tokens, e-mail addresses, NHS numbers and URL queries in any text are replaced.
 */
export function createLog(
  env: Env,
  destination: DestinationStream = pino.destination({ dest: 1, sync: true }),
): { log: Log; moduleLog: (module: string) => Log } {
  const level = env.LOG_LEVEL && isLogLevel(env.LOG_LEVEL) ? env.LOG_LEVEL : "info";
  const names = SENSITIVE_NAMES.flatMap((name) => [name, `*.${name}`]);
  const root = pino(
    {
      level,
      base: undefined,
      messageKey: "event",
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: scrubValues,
      },
      mixin: () => {
        const reference = currentRequestReference();
        return reference ? { reference } : {};
      },
      redact: {
        paths: names.map((name) => (/^[\w*.]+$/.test(name) ? name : `["${name}"]`)),
        censor: WITHHELD,
      },
    },
    destination,
  );
  const writer =
    (logger: Logger): Log =>
    (level, event, fields = {}) =>
      logger[level](fields, event);
  return { log: writer(root), moduleLog: (module) => writer(root.child({ module })) };
}

const portalLog = createLog(process.env);

/** Logs for the portal as a whole. */
export const log: Log = portalLog.log;

/** Logs for one module: every line names it, e.g. `"module": "health"`. */
export const moduleLog: (module: string) => Log = portalLog.moduleLog;
