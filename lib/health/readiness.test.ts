import { describe, expect, it } from "vitest";
import { readinessProbe, type ReadinessCheck } from "./readiness";

/**
 * A dependency the test switches on and off, counting how often it is asked. While `held`, its
 * answers wait until the test lets them go (`release`).
 */
function dependency(essential: boolean) {
  const waiting: (() => void)[] = [];
  const state = {
    up: true,
    hang: false,
    held: false,
    asked: 0,
    release: () => waiting.splice(0).forEach((answer) => answer()),
  };
  const check: ReadinessCheck = {
    essential,
    check: async () => {
      state.asked++;
      if (state.hang) return new Promise(() => {});
      if (state.held) await new Promise<void>((resolve) => waiting.push(resolve));
      if (!state.up) throw new Error("connection refused");
    },
  };
  return { state, check };
}

const CACHE_MS = 5_000;

function setUp() {
  const store = dependency(true);
  const nhsLogin = dependency(false);
  let time = 0;
  const probe = readinessProbe(
    { sessionStore: store.check, nhsLogin: nhsLogin.check },
    { cacheMs: CACHE_MS, timeoutMs: 100, now: () => time },
  );
  const advance = (ms: number) => (time += ms);
  /** Once the cache time has passed, a probe starts the checks again: lets them finish. */
  async function recheck(): Promise<void> {
    advance(CACHE_MS);
    await probe();
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { probe, store: store.state, nhsLogin: nhsLogin.state, advance, recheck };
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
    const { probe, store, nhsLogin, recheck } = setUp();
    store.up = false;
    expect((await probe()).status).toBe("unavailable");
    nhsLogin.up = false;
    await recheck();
    expect(await probe()).toEqual({
      status: "unavailable",
      checks: { sessionStore: "failing", nhsLogin: "failing" },
    });
  });

  it("counts a check that does not answer in time as failing", async () => {
    const { probe, store } = setUp();
    store.hang = true;
    expect((await probe()).checks.sessionStore).toBe("failing");
  });

  it("recovers as soon as the dependency answers again", async () => {
    const { probe, store, nhsLogin, recheck } = setUp();
    store.up = false;
    nhsLogin.up = false;
    expect((await probe()).status).toBe("unavailable");
    store.up = true;
    await recheck();
    expect((await probe()).status).toBe("degraded");
    nhsLogin.up = true;
    await recheck();
    expect((await probe()).status).toBe("ok");
  });

  it("reuses an answer for the cache time, then checks again", async () => {
    const { probe, store, nhsLogin, advance, recheck } = setUp();
    await probe();
    nhsLogin.up = false;
    advance(CACHE_MS - 1);
    expect((await probe()).status).toBe("ok");
    expect(store.asked).toBe(1);
    await recheck();
    expect(store.asked).toBe(2);
    expect((await probe()).status).toBe("degraded");
  });

  it("answers at once from the last answer while a slow check runs again", async () => {
    const { probe, nhsLogin, advance } = setUp();
    await probe();
    nhsLogin.held = true;
    nhsLogin.up = false;
    advance(CACHE_MS);
    expect((await probe()).status).toBe("ok");
    expect((await probe()).status).toBe("ok");
    nhsLogin.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await probe()).status).toBe("degraded");
  });

  it("lets probes that arrive together share one round of checks", async () => {
    const { probe, store } = setUp();
    await Promise.all([probe(), probe(), probe()]);
    expect(store.asked).toBe(1);
  });
});
