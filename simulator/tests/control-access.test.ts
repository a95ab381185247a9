import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { isLoopback } from "../routes/control";
import { startTestSimulator } from "./helpers";

/** This machine's own address on a network, so a request to it does not come from loopback. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;

async function personasFrom(host: string, controlFromAnywhere: boolean): Promise<Response> {
  const { simulator } = await startTestSimulator({ controlFromAnywhere });
  try {
    return await fetch(`http://${host}:${simulator.port}/simulator/personas`);
  } finally {
    await simulator.close();
  }
}

describe("who may use the control API", () => {
  it("knows loopback addresses, IPv4, IPv6 and IPv4-mapped", () => {
    for (const address of ["127.0.0.1", "127.1.2.3", "::1", "::ffff:127.0.0.1"]) {
      expect(isLoopback(address), address).toBe(true);
    }
    for (const address of [undefined, "", "10.0.0.1", "::ffff:192.0.2.2", "::2", "1127.0.0.1"]) {
      expect(isLoopback(address), String(address)).toBe(false);
    }
  });

  it("answers this machine", async () => {
    expect((await personasFrom("127.0.0.1", false)).status).toBe(200);
  });

  it.skipIf(!networkAddress)(
    "refuses another machine unless told to answer anywhere (needs a non-loopback interface)",
    async () => {
      const refused = await personasFrom(networkAddress!, false);
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ error: "access_denied" });
      expect((await personasFrom(networkAddress!, true)).status).toBe(200);
    },
  );
});
