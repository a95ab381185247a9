import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { discoveryDocument } from "../../simulator/routes/discovery";
import { getNhsLoginMetadata, NhsLoginUnavailableError } from "./metadata";

/** A real HTTP server standing in for NHS login's discovery endpoint, answering as told. */
type Answer = { status: number; body: unknown } | "hang";
let server: Server | undefined;
let answer: Answer;
let requests = 0;

async function nhsLogin(first: Answer): Promise<string> {
  answer = first;
  requests = 0;
  server = createServer((_request, response) => {
    requests++;
    if (answer === "hang") return;
    response.writeHead(answer.status, { "content-type": "application/json" });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

/** NHS login's document, as the simulator publishes it, with any fields changed. */
function discovery(issuer: string, overrides: Record<string, unknown> = {}) {
  return { ...discoveryDocument(issuer), ...overrides };
}

async function unavailableBecause(issuer: string, timeoutMs = 1_000): Promise<string> {
  const error = await getNhsLoginMetadata(issuer, timeoutMs).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(NhsLoginUnavailableError);
  return (error as Error).message;
}

describe("NHS login's discovery document", () => {
  it("is read once and then served from the cache", async () => {
    const issuer = await nhsLogin({ status: 200, body: {} });
    answer = { status: 200, body: discovery(issuer) };
    const first = await getNhsLoginMetadata(issuer, 1_000);
    const second = await getNhsLoginMetadata(issuer, 1_000);
    expect(first.token_endpoint).toBe(`${issuer}/token`);
    expect(second).toBe(first);
    expect(requests).toBe(1);
  });

  it("is unavailable when nothing answers", async () => {
    const issuer = await nhsLogin({ status: 200, body: {} });
    server!.close();
    expect(await unavailableBecause(issuer)).toMatch(/discovery unreachable/);
  });

  it("is unavailable when NHS login answers with an error status", async () => {
    const issuer = await nhsLogin({ status: 503, body: { error: "down" } });
    expect(await unavailableBecause(issuer)).toMatch(/discovery answered 503/);
  });

  it("is unavailable, in bounded time, when NHS login does not answer", async () => {
    const issuer = await nhsLogin("hang");
    expect(await unavailableBecause(issuer, 200)).toMatch(/discovery timed out/);
  });

  it("is refused when malformed or naming another issuer", async () => {
    const issuer = await nhsLogin({ status: 200, body: {} });
    answer = { status: 200, body: discovery(issuer, { token_endpoint: "not a url" }) };
    expect(await unavailableBecause(issuer)).toMatch(/malformed/);
    answer = { status: 200, body: discovery(issuer, { issuer: "https://auth.example" }) };
    expect(await unavailableBecause(issuer)).toMatch(/another issuer/);
  });

  it("is asked once for many sign-ins at the same moment, even when it does not answer", async () => {
    const issuer = await nhsLogin("hang");
    const failures = await Promise.all(
      Array.from({ length: 20 }, () => getNhsLoginMetadata(issuer, 300).catch((error) => error)),
    );
    expect(failures.every((error) => error instanceof NhsLoginUnavailableError)).toBe(true);
    expect(requests).toBe(1);
  });

  it("does not remember a failure: the next sign-in reads it again", async () => {
    const issuer = await nhsLogin({ status: 500, body: {} });
    await unavailableBecause(issuer);
    answer = { status: 200, body: discovery(issuer) };
    await expect(getNhsLoginMetadata(issuer, 1_000)).resolves.toMatchObject({ issuer });
    expect(requests).toBe(2);
  });
});
