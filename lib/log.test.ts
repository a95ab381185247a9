import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLog, isReference, logLevelProblem, newReference } from "./log";
import { runAsRequest } from "./request-context";

function capture(env: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { ...createLog(env, destination), lines };
}

describe("log", () => {
  it("writes one JSON line with time, level and event", () => {
    const { log, lines } = capture();
    log("info", "sign-in", { verificationLevel: "P9" });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: "info", event: "sign-in", verificationLevel: "P9" });
    expect(new Date(lines[0]!.time as string).toISOString()).toBe(lines[0]!.time);
  });

  it("names the module of a child logger", () => {
    const { moduleLog, lines } = capture();
    moduleLog("health")("warn", "check-failed");
    expect(lines[0]).toMatchObject({ module: "health", level: "warn", event: "check-failed" });
  });

  it("adds the request's reference to every line logged while handling it", () => {
    const { log, moduleLog, lines } = capture();
    runAsRequest("K7QM-2XRD", () => {
      log("warn", "first");
      moduleLog("sign-in")("error", "second");
    });
    log("info", "outside");
    expect(lines.map((line) => line.reference)).toEqual(["K7QM-2XRD", "K7QM-2XRD", undefined]);
  });

  it("keeps a reference the caller gives", () => {
    const { log, lines } = capture();
    runAsRequest("K7QM-2XRD", () => log("warn", "event", { reference: "ABCD-EFGH" }));
    expect(lines[0]!.reference).toBe("ABCD-EFGH");
  });

  it("follows LOG_LEVEL", () => {
    const { log, lines } = capture({ LOG_LEVEL: "warn" });
    log("info", "quiet");
    log("debug", "quieter");
    log("warn", "heard");
    expect(lines.map((line) => line.event)).toEqual(["heard"]);
    const verbose = capture({ LOG_LEVEL: "debug" });
    verbose.log("debug", "heard");
    expect(verbose.lines).toHaveLength(1);
  });

  it("withholds fields named for tokens, codes or the person, whatever their value", () => {
    const { log, lines } = capture();
    log("warn", "event", {
      code: "auth-code-value",
      id_token: "x",
      accessToken: "x",
      nhsNumber: "9434765919",
      email: "someone",
      given_name: "Ann",
      family_name: "Smith",
      birthdate: "1990-01-01",
      address: "1 High Street",
      authorization: "Bearer x",
      "set-cookie": "x",
      failure: "keys-unavailable",
    });
    const { level, time, event, failure, ...rest } = lines[0]!;
    expect({ level, event, failure }).toEqual({
      level: "warn",
      event: "event",
      failure: "keys-unavailable",
    });
    expect(time).toBeTypeOf("string");
    expect(Object.values(rest)).toEqual(Array(Object.keys(rest).length).fill("[withheld]"));
  });

  it("replaces tokens, e-mail addresses, NHS numbers and URL queries inside any text", () => {
    const { log, lines } = capture();
    const jwt = "eyJhbGciOiJSUzUxMiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl";
    log("error", "nhs-login-failed", {
      error: `POST https://auth.example/token?code=abc123&state=xyz failed: ${jwt} for ann.smith@example.com 943 476 5919 or 07700900123`,
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ["abc123", "xyz", jwt, "ann.smith", "943 476 5919", "07700900123"]) {
      expect(text).not.toContain(secret);
    }
    expect(lines[0]!.error).toBe(
      "POST https://auth.example/token?[withheld] failed: [withheld] for [withheld] [withheld] or [withheld]",
    );
  });
});

describe("LOG_LEVEL", () => {
  it("accepts pino's levels and nothing else", () => {
    expect(logLevelProblem(undefined)).toBeUndefined();
    expect(logLevelProblem("debug")).toBeUndefined();
    expect(logLevelProblem("verbose")).toMatch(/^LOG_LEVEL: "verbose" is not a level/);
  });
});

describe("references", () => {
  it("are short, readable and recognised", () => {
    const reference = newReference();
    expect(isReference(reference)).toBe(true);
    expect(isReference("K7QM-2XRD")).toBe(true);
    expect(isReference("k7qm-2xrd")).toBe(false);
    expect(isReference("K7QM-2XRD-")).toBe(false);
  });
});
