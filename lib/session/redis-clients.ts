import { createClient, createCluster, createSentinel } from "redis";
import type { RedisTls, RedisTopology } from "./redis-topology";
import { SESSION_SCRIPTS, type SessionRedisClient } from "./redis-store";

/** Back off between reconnection attempts, to 2 seconds at most. */
const reconnectStrategy = (retries: number) => Math.min(100 * 2 ** retries, 2_000);

/** How often a Sentinel client asks the sentinels whether the primary has changed. */
const SENTINEL_SCAN_MS = 1_000;

function socket(timeoutMs: number, tls: RedisTls) {
  return {
    connectTimeout: timeoutMs,
    reconnectStrategy,
    ...(tls ? { tls: true as const, ...(tls.ca ? { ca: tls.ca } : {}) } : {}),
  };
}

/**
 * How the store's client reaches Redis, by topology, all through node-redis: one server (or a
 * managed endpoint) by URL; a Sentinel set, whose client follows the primary the sentinels name;
 * a cluster, whose client routes each command to the shard of its keys and follows failovers.
 * Made not yet connected: the store's supervisor connects it, and makes another when it stops
 * answering. A command while Redis is out of reach fails at once instead of waiting in a queue.
 */
export function redisClientFor(
  topology: RedisTopology,
  timeoutMs: number,
): () => SessionRedisClient {
  switch (topology.kind) {
    case "server":
      return () =>
        createClient({
          url: topology.url,
          scripts: SESSION_SCRIPTS,
          disableOfflineQueue: true,
          socket: socket(timeoutMs, topology.tls),
        }) as unknown as SessionRedisClient;
    case "sentinel":
      return () =>
        createSentinel({
          name: topology.name,
          sentinelRootNodes: topology.sentinels,
          scripts: SESSION_SCRIPTS,
          scanInterval: SENTINEL_SCAN_MS,
          nodeClientOptions: {
            ...topology.node,
            disableOfflineQueue: true,
            socket: socket(timeoutMs, topology.tls),
          },
          sentinelClientOptions: {
            ...topology.sentinel,
            socket: socket(timeoutMs, topology.tls),
          },
        }) as unknown as SessionRedisClient;
    case "cluster":
      return () =>
        createCluster({
          rootNodes: topology.nodes.map((node) => ({ socket: node })),
          scripts: SESSION_SCRIPTS,
          defaults: {
            ...topology.node,
            disableOfflineQueue: true,
            socket: socket(timeoutMs, topology.tls),
          },
        }) as unknown as SessionRedisClient;
  }
}
