/**
 * Where the shared session store is, from the environment: exactly one of
 *
 * - one server or a managed endpoint: `REDIS_URL` (`redis://` or `rediss://`, credentials inside);
 * - Sentinel: `REDIS_SENTINELS` (`host:port,…`) and `REDIS_SENTINEL_NAME` (the primary's name);
 * - Redis Cluster: `REDIS_CLUSTER_NODES` (`host:port,…`, a few seeds are enough).
 *
 * For the last two, `REDIS_USERNAME` and `REDIS_PASSWORD` are the data nodes' ACL user (or the
 * password alone), `REDIS_SENTINEL_USERNAME` and `REDIS_SENTINEL_PASSWORD` the sentinels' own, and
 * `REDIS_TLS=true` speaks TLS to every node. `REDIS_TLS_CA_FILE` trusts a private CA, for any of
 * the three.
 */
export interface RedisEndpoint {
  host: string;
  port: number;
}

export interface RedisCredentials {
  username?: string;
  password?: string;
}

/** TLS to every node: the CA to trust, when it is not one the system trusts already. */
export type RedisTls = { ca?: string } | undefined;

export type RedisTopology =
  | { kind: "server"; url: string; tls: RedisTls }
  | {
      kind: "sentinel";
      name: string;
      sentinels: RedisEndpoint[];
      node: RedisCredentials;
      sentinel: RedisCredentials;
      tls: RedisTls;
    }
  | { kind: "cluster"; nodes: RedisEndpoint[]; node: RedisCredentials; tls: RedisTls };

export const REDIS_TOPOLOGY_VARIABLES = ["REDIS_URL", "REDIS_SENTINELS", "REDIS_CLUSTER_NODES"];

type Env = Record<string, string | undefined>;

const set = (value: string | undefined) => value?.trim() || undefined;

/** A `host:port` list; a problem named after the variable for anything else. */
function endpoints(name: string, value: string, problems: string[]): RedisEndpoint[] {
  const items = value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);
  const parsed = items.map((item) => {
    const match = /^(\[[0-9a-f:.]+\]|[^\s:[\]]+):(\d{1,5})$/i.exec(item);
    const port = Number(match?.[2]);
    return match && port > 0 && port < 65536
      ? { host: match[1]!.replace(/^\[|\]$/g, ""), port }
      : undefined;
  });
  if (items.length === 0 || parsed.some((endpoint) => !endpoint)) {
    problems.push(
      `${name}: not a list of host:port; use e.g. redis-1.internal:26379,redis-2.internal:26379.`,
    );
    return [];
  }
  return parsed as RedisEndpoint[];
}

function credentials(env: Env, prefix: "REDIS" | "REDIS_SENTINEL"): RedisCredentials {
  const username = set(env[`${prefix}_USERNAME`]);
  const password = env[`${prefix}_PASSWORD`] || undefined;
  return { ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

/**
 * The topology the environment names, or undefined when it names none (sessions in memory, where
 * that is allowed). Problems are added for a conflict, a missing part or a malformed value; a
 * URL is never repeated in a message, as it may hold a password.
 */
export function readRedisTopology(
  env: Env,
  readFile: (path: string) => string,
  problems: string[],
): RedisTopology | undefined {
  const chosen = REDIS_TOPOLOGY_VARIABLES.filter((name) => set(env[name]));
  if (chosen.length > 1) {
    problems.push(
      `${chosen.join(" and ")}: set only one; the session store is one server (REDIS_URL), a Sentinel set (REDIS_SENTINELS) or a cluster (REDIS_CLUSTER_NODES).`,
    );
    return undefined;
  }
  const tlsFlag = set(env.REDIS_TLS);
  if (tlsFlag !== undefined && tlsFlag !== "true" && tlsFlag !== "false") {
    problems.push('REDIS_TLS: use "true" or "false".');
  }
  const caFile = set(env.REDIS_TLS_CA_FILE);
  let ca: string | undefined;
  if (caFile) {
    try {
      ca = readFile(caFile);
    } catch {
      problems.push(
        `REDIS_TLS_CA_FILE: cannot read "${caFile}"; check the path and its permissions.`,
      );
    }
  }
  const [kind] = chosen;
  if (!kind) {
    if (set(env.REDIS_SENTINEL_NAME)) {
      problems.push(
        "REDIS_SENTINELS: missing; REDIS_SENTINEL_NAME is set, so list the sentinels (host:port,…).",
      );
    }
    return undefined;
  }

  if (kind === "REDIS_URL") {
    const url = set(env.REDIS_URL)!;
    let protocol: string | undefined;
    try {
      protocol = new URL(url).protocol;
    } catch {
      // The URL may hold a password, so it is never repeated in a message.
    }
    if (protocol !== "redis:" && protocol !== "rediss:") {
      problems.push("REDIS_URL: not a Redis URL; use redis://… or rediss://… (TLS).");
      return undefined;
    }
    const extras = ["REDIS_USERNAME", "REDIS_PASSWORD", "REDIS_TLS", "REDIS_SENTINEL_NAME"].filter(
      (name) => set(env[name]),
    );
    if (extras.length > 0) {
      problems.push(
        `${extras.join(", ")}: not used with REDIS_URL, which holds the user, the password and the scheme (rediss:// for TLS); remove ${extras.length > 1 ? "them" : "it"}.`,
      );
    }
    if (ca && protocol === "redis:") {
      problems.push(
        "REDIS_TLS_CA_FILE: REDIS_URL is redis://, without TLS; use rediss://, or remove it.",
      );
    }
    return {
      kind: "server",
      url,
      tls: protocol === "rediss:" ? { ...(ca ? { ca } : {}) } : undefined,
    };
  }

  const tls: RedisTls = tlsFlag === "true" ? { ...(ca ? { ca } : {}) } : undefined;
  if (ca && !tls) problems.push("REDIS_TLS_CA_FILE: set REDIS_TLS=true too, or remove it.");
  const node = credentials(env, "REDIS");
  if (kind === "REDIS_SENTINELS") {
    const sentinels = endpoints("REDIS_SENTINELS", env.REDIS_SENTINELS!, problems);
    const name = set(env.REDIS_SENTINEL_NAME);
    if (!name) {
      problems.push(
        "REDIS_SENTINEL_NAME: missing; set it to the name the sentinels monitor the primary by.",
      );
      return undefined;
    }
    return {
      kind: "sentinel",
      name,
      sentinels,
      node,
      sentinel: credentials(env, "REDIS_SENTINEL"),
      tls,
    };
  }
  const sentinelOnly = [
    "REDIS_SENTINEL_NAME",
    "REDIS_SENTINEL_USERNAME",
    "REDIS_SENTINEL_PASSWORD",
  ].filter((name) => set(env[name]));
  if (sentinelOnly.length > 0) {
    problems.push(
      `${sentinelOnly.join(", ")}: for Sentinel only, not with REDIS_CLUSTER_NODES; remove it.`,
    );
  }
  return {
    kind: "cluster",
    nodes: endpoints("REDIS_CLUSTER_NODES", env.REDIS_CLUSTER_NODES!, problems),
    node,
    tls,
  };
}
