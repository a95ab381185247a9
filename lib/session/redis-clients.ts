import { createClient } from "redis";
import { SESSION_SCRIPTS, type SessionRedisClient } from "./redis-store";

/**
 * How the store's client reaches Redis: one server, or a managed endpoint, by URL (`redis://`,
 * or `rediss://` for TLS, with a password or ACL user in it). Made not yet connected: the
 * store's supervisor connects it, and makes another when it stops answering.
 */
export function redisClientFor(url: string, timeoutMs: number): () => SessionRedisClient {
  return () =>
    createClient({
      url,
      scripts: SESSION_SCRIPTS,
      // A command while Redis is out of reach fails at once instead of waiting in a queue.
      disableOfflineQueue: true,
      socket: {
        connectTimeout: timeoutMs,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
      },
    }) as unknown as SessionRedisClient;
}
