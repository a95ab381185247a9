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
   * Sends commands and waits for their answers, within the deadline; otherwise fails as "store
   * unavailable" at once. Nothing is queued while the connection is down.
   */
  run<T>(commands: (client: C) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const POLL_MS = 50;

/**
 * node-redis gives up on a command only while it waits in the client's queue: once written, it
 * waits for an answer for ever. A Redis that stops answering with the connection open (paused,
 * overloaded, or behind a partition that drops packets) would hold every request that reads a
 * session. So every use of the client here has a deadline over the whole round trip, and a client
 * that misses one, or that has not been ready for two deadlines (a handshake nobody answers), is
 * dropped and a new one opened: the requests waiting on it fail at once, and later ones fail fast
 * until the new client is ready. `open` makes a client that is not
 * yet connected; the supervisor connects it.
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
  let client = start();
  const watchdog = setInterval(() => {
    if (client.isReady) notReadySince = undefined;
    else if (Date.now() - (notReadySince ??= Date.now()) >= 2 * deadlineMs) {
      replace(client, "not ready in time");
    }
  }, deadlineMs / 2);
  watchdog.unref();

  function start(): C {
    const fresh = open();
    fresh.on("error", (error) => lose(error.message));
    fresh.on("ready", () => {
      if (lost) log("info", "session-store-reachable");
      lost = false;
    });
    fresh.connect().catch(() => undefined);
    return fresh;
  }

  function lose(reason: string): void {
    if (lost) return;
    lost = true;
    log("error", "session-store-unreachable", { error: reason.slice(0, 200) });
  }

  /** Drops a client that stopped answering, unless it has been replaced already. */
  function replace(stale: C, reason: string): void {
    if (closed || stale !== client) return;
    lose(reason);
    notReadySince = Date.now();
    client = start();
    Promise.resolve()
      .then(() => stale.destroy())
      .catch(() => undefined);
  }

  async function run<T>(commands: (client: C) => Promise<T>): Promise<T> {
    const used = client;
    if (closed || !used.isReady) throw new SessionStoreUnavailableError("not connected");
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        replace(used, `no answer within ${deadlineMs} ms`);
        reject(new SessionStoreUnavailableError("no answer in time"));
      }, deadlineMs);
    });
    try {
      return await Promise.race([commands(used), deadline]);
    } catch (error) {
      throw error instanceof SessionStoreUnavailableError
        ? error
        : new SessionStoreUnavailableError(error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    isReady: () => !closed && client.isReady,
    async whenReady(timeoutMs) {
      const until = Date.now() + timeoutMs;
      while (!client.isReady && Date.now() < until && !closed) {
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      return !closed && client.isReady;
    },
    run,
    async close() {
      closed = true;
      clearInterval(watchdog);
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
