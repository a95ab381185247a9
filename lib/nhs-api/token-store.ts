/**
 * Where a person's platform token is kept between requests, and how its renewal is kept to one
 * at a time. The portal implements both over its server-side session record (so a token never
 * reaches a cookie, and instances sharing a store share the token); the memory versions here
 * serve one process and the tests.
 */
import type { PlatformToken } from "./platform-token";

export interface TokenStore {
  read(): Promise<PlatformToken | undefined>;
  write(token: PlatformToken): Promise<void>;
  /** Forgets the token, e.g. after the API refused it. */
  clear(): Promise<void>;
}

/**
 * Runs `work` alone among this session's renewals: a request that arrives while another is
 * renewing waits for it, then finds the fresh token instead of exchanging again.
 */
export type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;

/** One person's token store and renewal lock, as the client needs them. */
export interface TokenSession {
  /** The person's NHS login ID token, which the platform exchanges for its own token. */
  idToken: string;
  tokens: TokenStore;
  exclusive: Exclusive;
}

export function memoryTokenStore(): TokenStore {
  let held: PlatformToken | undefined;
  return {
    read: async () => held,
    write: async (token) => {
      held = token;
    },
    clear: async () => {
      held = undefined;
    },
  };
}

/** Work queued one after another; a failure does not stop the queue. */
export function memoryExclusive(): Exclusive {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}
