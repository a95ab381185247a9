import { request } from "node:http";
import { createServer } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { CONTROL_HEADER, SimulatorControl } from "../control";
import { ControlTokenError, isLoopback, isLoopbackIssuer } from "../control-token";
import { startSimulator, type SimulatorOptions } from "../server";
import { simulatorForFile, startTestSimulator } from "./helpers";

/** This machine's own address on a network, so a request to it does not come from loopback. */
const networkAddress = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;

const CONTROL_HEADERS = { "content-type": "application/json", [CONTROL_HEADER]: "1" };
/** What a reverse proxy or sidecar on this machine adds as it passes a request on. */
const PROXIED: Record<string, string>[] = [
  { "x-forwarded-for": "203.0.113.7" },
  { forwarded: "for=203.0.113.7" },
];
const TOKEN = "a-control-token-of-the-test-environment";
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

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
      headers: {
        ...CONTROL_HEADERS,
        ...(options.controlToken ? bearer(options.controlToken) : {}),
      },
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
        controlToken: TOKEN,
      });
      expect(open.status).toBe(200);
    },
  );
});

/** A simulator whose issuer other machines would use, with the lines it logs. */
async function startWithNetworkIssuer(options: SimulatorOptions) {
  const lines: string[] = [];
  const port = await freePort();
  const { simulator } = await startTestSimulator({
    port,
    issuer: `http://nhs-login.test:${port}`,
    quiet: false,
    log: (line) => lines.push(line),
    ...options,
  });
  return { simulator, port, lines };
}

describe("the control API behind a proxy on this machine", () => {
  const world = simulatorForFile();
  const personas = () => `${world.issuer}/simulator/personas`;

  it("knows which issuers are on this machine only", () => {
    for (const issuer of ["http://localhost:4000", "http://127.0.0.1:4000", "http://[::1]:4000"]) {
      expect(isLoopbackIssuer(issuer), issuer).toBe(true);
    }
    for (const issuer of ["http://nhs-login:4000", "https://sim.test.example", "http://10.0.0.5"]) {
      expect(isLoopbackIssuer(issuer), issuer).toBe(false);
    }
  });

  it.each(PROXIED)(
    "refuses a forwarded request (%o) when no token is set, and changes nothing",
    async (forwarding) => {
      const listed = await fetch(personas(), { headers: { ...CONTROL_HEADERS, ...forwarding } });
      expect(listed.status).toBe(403);
      expect(await listed.json()).toMatchObject({
        error: "access_denied",
        error_description: expect.stringContaining("--control-token"),
      });
      const armed = await fetch(`${world.issuer}/simulator/faults`, {
        method: "POST",
        headers: { ...CONTROL_HEADERS, ...forwarding },
        body: JSON.stringify({ fault: "jwks_unavailable" }),
      });
      expect(armed.status).toBe(403);
      expect(await world.control.listFaults()).toMatchObject({ jwksOutage: null });
    },
  );

  it("with a token set, answers calls that carry it, proxied or not, and refuses the rest", async () => {
    const { simulator } = await startTestSimulator({ controlToken: TOKEN });
    const url = `${simulator.issuer}/simulator/personas`;
    try {
      for (const forwarding of [{}, ...PROXIED]) {
        const headers = { ...CONTROL_HEADERS, ...forwarding };
        const without = await fetch(url, { headers });
        expect(without.status).toBe(401);
        expect(without.headers.get("www-authenticate")).toMatch(/^Bearer/);
        expect((await fetch(url, { headers: { ...headers, ...bearer("wrong") } })).status).toBe(
          401,
        );
        expect((await fetch(url, { headers: { ...headers, ...bearer(TOKEN) } })).status).toBe(200);
      }
      const control = new SimulatorControl(simulator.issuer, { token: TOKEN });
      expect((await control.listPersonas()).length).toBeGreaterThan(0);
    } finally {
      await simulator.close();
    }
  });

  it("needs a token when the issuer is not on this machine: one is made and printed at start-up", async () => {
    const { simulator, port, lines } = await startWithNetworkIssuer({});
    try {
      const token = simulator.controlToken;
      expect(token).toMatch(/^[0-9a-f]{48}$/);
      expect(lines.find((line) => line.startsWith("Control API token"))).toContain(token);
      const url = `http://127.0.0.1:${port}/simulator/personas`;
      expect((await fetch(url, { headers: CONTROL_HEADERS })).status).toBe(401);
      const withToken = await fetch(url, { headers: { ...CONTROL_HEADERS, ...bearer(token!) } });
      expect(withToken.status).toBe(200);
    } finally {
      await simulator.close();
    }
  });

  it("prints no token it was given, and needs none on this machine unless given one", async () => {
    const { simulator, lines } = await startWithNetworkIssuer({ controlToken: TOKEN });
    await simulator.close();
    expect(simulator.controlToken).toBe(TOKEN);
    expect(lines.join("\n")).not.toContain(TOKEN);
    expect(world.simulator.controlToken).toBeUndefined();
  });

  it("refuses a token short enough to guess, naming the setting", async () => {
    await expect(startSimulator({ port: 0, quiet: true, controlToken: "short" })).rejects.toThrow(
      ControlTokenError,
    );
    await expect(startSimulator({ port: 0, quiet: true, controlToken: "short" })).rejects.toThrow(
      /--control-token \(SIMULATOR_CONTROL_TOKEN\) must be at least 16 characters/,
    );
  });
});
