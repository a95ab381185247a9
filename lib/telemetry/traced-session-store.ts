import type { SessionStore } from "../session/store";
import { inSpan, SpanKind } from "./spans";

type Operation = Exclude<keyof SessionStore, "kind" | "isAvailable" | "whenAvailable">;

/** Every operation, checked by the compiler: a store method added later cannot go untraced. */
const OPERATIONS = Object.keys({
  create: true,
  touch: true,
  readApiSlot: true,
  writeApiSlot: true,
  exclusive: true,
  claim: true,
  end: true,
  replace: true,
  endAll: true,
  ping: true,
  close: true,
} satisfies Record<Operation, true>) as Operation[];

/**
 * The same store, with each call to it in a span of its own: which store, which operation.
 * Never the key (a hash of the session id), the account or what is stored. `exclusive` spans the
 * work done while holding the lock, as well as the lock.
 */
export function tracedSessionStore(store: SessionStore): SessionStore {
  const traced = Object.fromEntries(
    OPERATIONS.map((operation) => [
      operation,
      (...args: unknown[]) =>
        inSpan(
          `session store ${operation}`,
          {
            kind: store.kind === "redis" ? SpanKind.CLIENT : SpanKind.INTERNAL,
            attributes: { "session_store.kind": store.kind, "session_store.operation": operation },
          },
          () => (store[operation] as (...args: unknown[]) => Promise<unknown>)(...args),
        ),
    ]),
  );
  return {
    kind: store.kind,
    isAvailable: () => store.isAvailable(),
    whenAvailable: (timeoutMs) => store.whenAvailable(timeoutMs),
    ...traced,
  } as SessionStore;
}
