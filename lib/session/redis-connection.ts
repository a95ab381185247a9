import { ErrorReply } from "redis";
import { log } from "../log";
import { SessionStoreUnavailableError } from "./store";

/** What the supervisor needs of a node-redis client: one server's, Sentinel's or a cluster's. */
export interface RedisHandle {
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  close(): Promise<unknown>;
  destroy(): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "ready", listener: () => void): unknown;
}

/** A Redis connection whose every use has a deadline (see `superviseRedis`). */
export interface SupervisedRedis<C> {
  /** Connected and answering, as far as this process knows, without asking. */
  isReady(): boolean;
  /** Waits, at most this long, until it is; says whether it is. */
  whenReady(timeoutMs: number): Promise<boolean>;
  /**
   * Sends commands and waits for their answers, all within the deadline (a connection being made
   * included); otherwise fails as "store unavailable".
   */
  run<T>(commands: (client: C) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const POLL_MS = 25;

/** How many deadlines after the store last answered a call still waits for a connection. */
const RECONNECTION_DEADLINES = 5;

/** Answers from a server that is not, or is no longer, the one to ask (a failover under way). */
const TOPOLOGY_REPLIES = /^(READONLY|MASTERDOWN|CLUSTERDOWN|TRYAGAIN|LOADING)\b/;

/**
 * A failure of the connection rather than an answer: refused, reset, closed, or a server that
 * has stopped being the primary. A Redis error about the command itself is not one.
 */
function isConnectionTrouble(error: unknown): boolean {
  return !(error instanceof ErrorReply) || TOPOLOGY_REPLIES.test(error.message);
}

/**
 * node-redis gives up on a command only while it waits in the client's queue: once written, it
 * waits for an answer for ever. A Redis that stops answering with the connection open (paused,
 * overloaded, or behind a partition that drops packets) would hold every request that reads a
 * session. So every use of the client here has one deadline over the whole of it: waiting for a
 * connection that is being made and the round trip. A call waits for a connection only while one
 * is likely soon (a reconnection, a failover being followed: within five deadlines of the store
 * last answering); after that the store is known to be down and calls fail at once, so that
 * public pages do not wait for it. Nothing is queued beyond the deadline. A client is dropped
 * and a new one opened, which asks the sentinels or the cluster afresh where the primary is,
 * when it misses a deadline, when it has not been ready for two deadlines (a handshake nobody
 * answers, a primary that is gone), or when its calls fail on their connection (refused, reset,
 * a primary that is one no more; at most four times a deadline).
 * `open` makes a client that is not yet connected; the supervisor connects it.
 */
export function superviseRedis<C extends RedisHandle>(
  open: () => C,
  deadlineMs: number,
): SupervisedRedis<C> {
  let closed = false;
  /** Lost since the last time it was ready: logged once when lost, once when back. */
  let lost = false;
  /** Since when the current client has not been ready (a handshake nobody answers included). */
  let notReadySince: number | undefined = Date.now();
  let replacedAt = 0;
  /** When the store last answered (or this supervisor began): a connection is waited for after. */
  let answeredAt = Date.now();
  /** Calls waiting for a client to be ready, and what looks for one while they do. */
  const waiting = new Set<() => void>();
  let poller: NodeJS.Timeout | undefined;
  let client = start();
  const watchdog = setInterval(() => {
    if (client.isReady) notReadySince = undefined;
    else if (Date.now() - (notReadySince ??= Date.now()) >= 2 * deadlineMs) {
      replace(client, "not ready in time");
    }
  }, deadlineMs / 4);
  watchdog.unref();

  function start(): C {
    const fresh = open();
    fresh.on("error", (error) => lose(error.message));
    fresh.on("ready", () => {
      found();
      waiting.forEach((wake) => wake());
    });
    fresh.connect().catch(() => undefined);
    return fresh;
  }

  function lose(reason: string): void {
    if (lost) return;
    lost = true;
    log("error", "session-store-unreachable", { error: reason.slice(0, 200) });
  }

  function found(): void {
    answeredAt = Date.now();
    if (!lost) return;
    lost = false;
    log("info", "session-store-reachable");
  }

  /** Drops a client that stopped answering, unless it has been replaced already. */
  function replace(stale: C, reason: string): void {
    if (closed || stale !== client) return;
    lose(reason);
    notReadySince = replacedAt = Date.now();
    client = start();
    Promise.resolve()
      .then(() => stale.destroy())
      .catch(() => undefined);
  }

  /** Whether a client is ready by then, waiting for one if need be. */
  function readyBy(until: number): Promise<boolean> {
    if (closed || client.isReady) return Promise.resolve(!closed);
    return new Promise((resolve) => {
      const done = (ready: boolean) => {
        clearTimeout(timer);
        waiting.delete(wake);
        if (waiting.size === 0) {
          clearInterval(poller);
          poller = undefined;
        }
        resolve(ready && !closed);
      };
      const wake = () => done(true);
      const timer = setTimeout(() => done(false), Math.max(0, until - Date.now()));
      waiting.add(wake);
      // A cluster client says it is ready by its state only: one look for all who wait.
      poller ??= setInterval(() => client.isReady && waiting.forEach((each) => each()), POLL_MS);
    });
  }

  async function run<T>(commands: (client: C) => Promise<T>): Promise<T> {
    const until = Date.now() + deadlineMs;
    const reconnecting = Date.now() - answeredAt <= RECONNECTION_DEADLINES * deadlineMs;
    if (!client.isReady && !(reconnecting && (await readyBy(until)))) {
      throw new SessionStoreUnavailableError("not connected");
    }
    const used = client;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        replace(used, `no answer within ${deadlineMs} ms`);
        reject(new SessionStoreUnavailableError("no answer in time"));
      }, until - Date.now());
    });
    try {
      const answer = await Promise.race([commands(used), deadline]);
      // A cluster client stays ready while one shard is away: it is back when its calls are.
      found();
      return answer;
    } catch (error) {
      if (error instanceof SessionStoreUnavailableError) throw error;
      if (isConnectionTrouble(error) && Date.now() - replacedAt >= deadlineMs / 4) {
        replace(used, error instanceof Error ? error.message : "connection failed");
      }
      throw new SessionStoreUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    isReady: () => !closed && client.isReady,
    whenReady: (timeoutMs) => readyBy(Date.now() + timeoutMs),
    run,
    async close() {
      closed = true;
      clearInterval(watchdog);
      waiting.forEach((wake) => wake());
      const last = client;
      // Finish what is in flight while it answers; a client that does not is cut off.
      if (last.isReady) {
        const gave = await Promise.race([
          last.close().then(
            () => true,
            () => false,
          ),
          new Promise<boolean>((resolve) => setTimeout(resolve, deadlineMs, false).unref()),
        ]);
        if (gave) return;
      }
      await Promise.resolve(last.destroy()).catch(() => undefined);
    },
  };
}
