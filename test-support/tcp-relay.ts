import { createServer, connect, type Server, type Socket } from "node:net";

/**
 * How the relay treats what passes through it:
 * - `pass`: as it is;
 * - `hang`: holds every connection open and passes nothing either way, as a partition that drops
 *   packets does (what was sent arrives once it passes again, as TCP would deliver it);
 * - `slow`: passes everything, each chunk `delayMs` late;
 * - `reset`: resets every connection, and each new one as it arrives;
 * - `refuse`: stops listening, so connections are refused.
 */
export type RelayMode = "pass" | "hang" | "reset" | "refuse" | { slowMs: number };

export interface TcpRelay {
  port: number;
  set(mode: RelayMode): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: Socket;
  upstream: Socket;
}

/**
 * A TCP relay on loopback in front of a server (Redis, in these tests), that the test switches
 * between passing, hanging, slowing, resetting and refusing: the shapes of "down" that a network
 * between the portal and its store can take.
 */
export async function startTcpRelay(
  target: { host: string; port: number },
  /** Where it listens: a port of its own unless told. */
  listenPort = 0,
): Promise<TcpRelay> {
  let mode: RelayMode = "pass";
  const pairs = new Set<Pair>();
  const server: Server = createServer(accept);
  await listen(server, listenPort);
  const port = (server.address() as { port: number }).port;

  function accept(client: Socket): void {
    if (mode === "reset") {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    for (const socket of [client, upstream]) {
      socket.on("error", drop);
      socket.on("close", drop);
    }
    relay(client, upstream);
    relay(upstream, client);
    if (mode === "hang") pause(pair);
  }

  /** Passes each chunk on, later while slow, in the order it came. */
  function relay(from: Socket, to: Socket): void {
    let previous = Promise.resolve();
    from.on("data", (chunk) => {
      const delayMs = typeof mode === "object" ? mode.slowMs : 0;
      previous = previous.then(async () => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        if (!to.destroyed) to.write(chunk);
      });
    });
  }

  function pause({ client, upstream }: Pair): void {
    client.pause();
    upstream.pause();
  }

  function resume({ client, upstream }: Pair): void {
    client.resume();
    upstream.resume();
  }

  return {
    port,
    async set(next) {
      const before = mode;
      mode = next;
      if (before === "refuse" && next !== "refuse") await listen(server, port);
      if (next === "hang") pairs.forEach(pause);
      if (before === "hang" && next !== "hang") pairs.forEach(resume);
      if (next === "reset" || next === "refuse") {
        for (const { client, upstream } of [...pairs]) {
          client.resetAndDestroy();
          upstream.destroy();
        }
        pairs.clear();
      }
      if (next === "refuse") await new Promise((resolve) => server.close(resolve));
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      pairs.clear();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
}
