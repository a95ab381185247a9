import { createServer, type Server } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isReference } from "./reference";
import {
  currentRequestReference,
  giveEachRequestAReference,
  requestReference,
} from "./request-context";

describe("each request's reference", () => {
  let server: Server;
  let origin: string;

  beforeAll(async () => {
    giveEachRequestAReference();
    // Reads the reference before and after waiting, as a handler that calls NHS login would.
    server = createServer(async (request, response) => {
      const before = currentRequestReference();
      await sleep(Number(new URL(request.url!, "http://x").searchParams.get("wait")));
      const after = requestReference();
      response.end(JSON.stringify({ before, after }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("is given to a request from the moment it arrives and kept through its awaits", async () => {
    const { before, after } = await (await fetch(`${origin}/?wait=10`)).json();
    expect(isReference(before)).toBe(true);
    expect(after).toBe(before);
  });

  it("differs between requests handled at the same time", async () => {
    const answers = await Promise.all(
      [50, 10, 30, 0].map(async (wait) => (await fetch(`${origin}/?wait=${wait}`)).json()),
    );
    for (const { before, after } of answers) expect(after).toBe(before);
    expect(new Set(answers.map((answer) => answer.before)).size).toBe(answers.length);
  });

  it("differs between requests one after another on a kept-alive connection", async () => {
    const first = await (await fetch(`${origin}/?wait=0`)).json();
    const second = await (await fetch(`${origin}/?wait=0`)).json();
    expect(second.before).not.toBe(first.before);
  });

  it("is a new one outside any request", () => {
    expect(currentRequestReference()).toBeUndefined();
    expect(requestReference()).not.toBe(requestReference());
  });
});
