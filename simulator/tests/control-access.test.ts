import { request } from "node:http";
import { createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { CONTROL_HEADER } from "../control";
import { isLoopback } from "../routes/control";
import type { SimulatorOptions } from "../server";
import { simulatorForFile, startTestSimulator } from "./helpers";

/** This machine's own address on a network, so a request to it does not come from loopback. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;

const CONTROL_HEADERS = { "content-type": "application/json", [CONTROL_HEADER]: "1" };

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Asks for the personas at `host`, from a simulator started with `options`. */
async function personasFrom(host: string, options: SimulatorOptions): Promise<Response> {
  const { simulator } = await startTestSimulator(options);
  try {
    return await fetch(`http://${host}:${simulator.port}/simulator/personas`, {
      headers: CONTROL_HEADERS,
    });
  } finally {
    await simulator.close();
  }
}

describe("who may use the control API", () => {
  const world = simulatorForFile();
  const personas = () => `${world.issuer}/simulator/personas`;

  it("knows loopback addresses, IPv4, IPv6 and IPv4-mapped", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopback(address), address).toBe(true);
    }
    for (const address of [undefined, "", "10.0.0.1", "::ffff:192.0.2.2", "::2", "1127.0.0.1"]) {
      expect(isLoopback(address), String(address)).toBe(false);
    }
  });

  it("answers this machine's JSON calls that carry its header", async () => {
    const response = await fetch(personas(), { headers: CONTROL_HEADERS });
    expect(response.status).toBe(200);
  });

  it("refuses a call without its header, as any web page's form or fetch would be", async () => {
    const response = await fetch(personas(), { headers: { "content-type": "application/json" } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({
      error: "access_denied",
      error_description: expect.stringContaining(CONTROL_HEADER),
    });
  });

  it("refuses a text/plain POST, which a page of another origin can send without a preflight", async () => {
    const response = await fetch(`${world.issuer}/simulator/faults`, {
      method: "POST",
      headers: { "content-type": "text/plain", [CONTROL_HEADER]: "1" },
      body: JSON.stringify({ fault: "jwks_unavailable" }),
    });
    expect(response.status).toBe(415);
    const faults = await fetch(`${world.issuer}/simulator/faults`, { headers: CONTROL_HEADERS });
    expect(await faults.json()).toMatchObject({ jwksOutage: null });
  });

  it("refuses a GET without a JSON content type", async () => {
    const response = await fetch(personas(), { headers: { [CONTROL_HEADER]: "1" } });
    expect(response.status).toBe(415);
  });

  it("refuses a web page of another origin, and answers its own", async () => {
    const foreign = await fetch(personas(), {
      headers: { ...CONTROL_HEADERS, origin: "https://evil.example" },
    });
    expect(foreign.status).toBe(403);
    const own = await fetch(personas(), {
      headers: { ...CONTROL_HEADERS, origin: new URL(world.issuer).origin },
    });
    expect(own.status).toBe(200);
  });

  it("refuses a request addressed to another name (DNS rebinding)", async () => {
    // fetch will not send a Host header of its own choosing; node:http will.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      request(
        {
          host: "127.0.0.1",
          port: world.simulator.port,
          path: "/simulator/personas",
          headers: { ...CONTROL_HEADERS, host: `evil.example:${world.simulator.port}` },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode);
        },
      )
        .on("error", reject)
        .end();
    });
    expect(status).toBe(403);
    const byAddress = await fetch(`http://127.0.0.1:${world.simulator.port}/simulator/personas`, {
      headers: CONTROL_HEADERS,
    });
    expect(byAddress.status).toBe(200);
  });

  it.skipIf(!networkAddress)(
    "listens on loopback only, unless told otherwise (needs a non-loopback interface)",
    async () => {
      await expect(personasFrom(networkAddress!, {})).rejects.toThrow(/fetch failed/);
    },
  );

  it.skipIf(!networkAddress)(
    "on all interfaces, refuses another machine unless told to answer anywhere (needs a non-loopback interface)",
    async () => {
      const refused = await personasFrom(networkAddress!, { host: "0.0.0.0" });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "access_denied" });
      const port = await freePort();
      const open = await personasFrom(networkAddress!, {
        host: "0.0.0.0",
        port,
        issuer: `http://${networkAddress}:${port}`,
        controlFromAnywhere: true,
      });
      expect(open.status).toBe(200);
    },
  );
});
