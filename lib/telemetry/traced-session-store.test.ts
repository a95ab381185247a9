import { trace } from "@opentelemetry/api";
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { memoryStore } from "@/test-support/session-stores";
import { nowSeconds } from "../session/rules";
import { tracedSessionStore } from "./traced-session-store";

const exporter = new InMemorySpanExporter();
const provider = new TracerProvider({ spanProcessors: [new SimpleSpanProcessor({ exporter })] });
beforeAll(() => trace.setGlobalTracerProvider(provider));
afterAll(async () => {
  await provider.shutdown();
  trace.disable();
});

describe("the traced session store", () => {
  it("answers as the store does, with a span per call naming the store and the operation only", async () => {
    const store = tracedSessionStore(memoryStore());
    const now = nowSeconds();
    const key = "{hash-of-an-account}hash-of-a-session-id";
    await store.create(key, {
      account: "hash-of-an-account",
      authenticatedAt: now,
      lastActiveAt: now,
      data: "sealed record",
    });
    const touched = await store.touch(key, { now });
    expect(touched.status).toBe("active");
    expect(await store.exclusive(key, async () => "done")).toBe("done");
    await store.ping();
    expect(store.kind).toBe("memory");
    expect(store.isAvailable()).toBe(true);

    await provider.forceFlush();
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name)).toEqual([
      "session store create",
      "session store touch",
      "session store exclusive",
      "session store ping",
    ]);
    expect(spans[1]!.attributes).toEqual({
      "session_store.kind": "memory",
      "session_store.operation": "touch",
    });
    const exported = JSON.stringify(spans.map((span) => [span.name, span.attributes]));
    for (const secret of [key, "hash-of-an-account", "sealed record"]) {
      expect(exported).not.toContain(secret);
    }
  });
});
