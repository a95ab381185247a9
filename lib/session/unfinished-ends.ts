import { log } from "../log";
import { nowSeconds, type EndReason } from "./rules";
import type { SessionStore } from "./store";

interface Unfinished {
  reason: EndReason;
  /** When the session ends by itself anyway (seconds): no need to try after. */
  endsBy: number;
}

/**
 * Sessions this process was asked to end while the store could not be reached, ended as soon as
 * it can be. Best effort: only this process knows of them, and not after it restarts, so the
 * person is never told that this will happen (docs/decisions/0015). Bounded: the oldest are
 * forgotten first.
 */
export function unfinishedEnds(store: SessionStore, options: { max: number; retryMs: number }) {
  const waiting = new Map<string, Unfinished>();
  let timer: NodeJS.Timeout | undefined;

  function schedule(): void {
    if (timer || waiting.size === 0) return;
    timer = setTimeout(retry, options.retryMs);
    timer.unref();
  }

  async function retry(): Promise<void> {
    timer = undefined;
    if (store.isAvailable()) {
      for (const [key, { reason, endsBy }] of [...waiting]) {
        if (endsBy > nowSeconds()) {
          try {
            await store.end(key, reason);
          } catch {
            break;
          }
          log("info", "session-ended-late", { reason });
        }
        waiting.delete(key);
      }
    }
    schedule();
  }

  return {
    add(key: string, unfinished: Unfinished): void {
      waiting.delete(key);
      waiting.set(key, unfinished);
      if (waiting.size > options.max) waiting.delete(waiting.keys().next().value!);
      schedule();
    },
  };
}
