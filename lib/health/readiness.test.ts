import { describe, expect, it } from "vitest";
import { readinessProbe, type ReadinessCheck } from "./readiness";

/**
 * A dependency the test switches on and off, counting how often it is asked. While `held`, its
 * answers wait until the test lets them go (`release`); while `hung`, they never come.
 */
function dependency(options: Pick<ReadinessCheck, "essential" | "cacheMs">) {
  const waiting: (() => void)[] = [];
  const state = {
    up: true,
    hung: false,
    held: false,
    asked: 0,
    release: () => waiting.splice(0).forEach((answer) => answer()),
  };
  const check: ReadinessCheck = {
    ...options,
    timeoutMs: TIMEOUT_MS,
    check: async () => {
      state.asked++;
      if (state.hung) return new Promise(() => {});
      if (state.held) await new Promise<void>((resolve) => waiting.push(resolve));
      if (!state.up) throw new Error("connection refused");
    },
  };
  return { state, check };
}

const TIMEOUT_MS = 100;
const STORE_CACHE_MS = 1_000;
const NHS_LOGIN_CACHE_MS = 15_000;

function setUp() {
  const store = dependency({ essential: true, cacheMs: STORE_CACHE_MS });
  const nhsLogin = dependency({ essential: false, cacheMs: NHS_LOGIN_CACHE_MS });
  let time = 0;
  const probe = readinessProbe(
    { sessionStore: store.check, nhsLogin: nhsLogin.check },
    { now: () => time },
  );
  const advance = (ms: number) => (time += ms);
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { probe, store: store.state, nhsLogin: nhsLogin.state, advance, settle };
}

describe("readiness", () => {
  it("is ok when every check answers", async () => {
    const { probe } = setUp();
    expect(await probe()).toEqual({
      status: "ok",
      checks: { sessionStore: "ok", nhsLogin: "ok" },
    });
  });

  it("is degraded, not unavailable, when only something non-essential fails", async () => {
    const { probe, nhsLogin } = setUp();
    nhsLogin.up = false;
    expect(await probe()).toEqual({
      status: "degraded",
      checks: { sessionStore: "ok", nhsLogin: "failing" },
    });
  });

  it("is unavailable when something essential fails, whatever else does", async () => {
    const { probe, store, nhsLogin } = setUp();
    store.up = false;
    nhsLogin.up = false;
    expect(await probe()).toEqual({
      status: "unavailable",
      checks: { sessionStore: "failing", nhsLogin: "failing" },
    });
  });

  it("answers unavailable within the deadline of an essential check that hangs", async () => {
    const { probe, store, advance } = setUp();
    expect((await probe()).status).toBe("ok");
    store.hung = true;
    advance(STORE_CACHE_MS);
    const started = Date.now();
    expect(await probe()).toMatchObject({
      status: "unavailable",
      checks: { sessionStore: "failing" },
    });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 5);
  });

  it("never waits for a non-essential check that has answered once, even if it hangs", async () => {
    const { probe, nhsLogin, advance, settle } = setUp();
    expect((await probe()).status).toBe("ok");
    nhsLogin.held = true;
    nhsLogin.up = false;
    advance(NHS_LOGIN_CACHE_MS);
    // Its last answer stands while it is asked again, and the store is asked as usual.
    expect((await probe()).status).toBe("ok");
    expect(nhsLogin.asked).toBe(2);
    nhsLogin.release();
    await settle();
    expect((await probe()).checks.nhsLogin).toBe("failing");
  });

  it("reuses each check's answer for its own time, then asks again", async () => {
    const { probe, store, nhsLogin, advance } = setUp();
    await probe();
    store.up = false;
    nhsLogin.up = false;
    advance(STORE_CACHE_MS - 1);
    expect((await probe()).status).toBe("ok");
    advance(1);
    expect((await probe()).status).toBe("unavailable");
    expect(store.asked).toBe(2);
    expect(nhsLogin.asked).toBe(1);
  });

  it("recovers as soon as the dependency answers again", async () => {
    const { probe, store, advance } = setUp();
    store.up = false;
    expect((await probe()).status).toBe("unavailable");
    store.up = true;
    advance(STORE_CACHE_MS);
    expect((await probe()).status).toBe("ok");
  });

  it("lets probes that arrive together share one run of each check", async () => {
    const { probe, store, nhsLogin } = setUp();
    await Promise.all([probe(), probe(), probe()]);
    expect(store.asked).toBe(1);
    expect(nhsLogin.asked).toBe(1);
  });
});
