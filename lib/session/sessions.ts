import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Patient } from "../nhs-login/claims";
import { isLevel, type Level } from "nhs-login-vocabulary";
import { cookieCodec, type Secrets } from "./codec";
import { unfinishedEnds } from "./unfinished-ends";
import {
  idleDeadline,
  nowSeconds,
  type EndReason,
  type SessionLimits,
  type TimeLimit,
} from "./rules";
import {
  accountOfKey,
  isSessionStoreUnavailable,
  sessionKey,
  type EndResult,
  type SessionStore,
} from "./store";

/** Why a person had to log in again, said once on the first page after they have. */
export type Notice = TimeLimit | "everywhere";

/**
 * NHS login's ID token, kept on the server: the API platform exchanges it for its own token. Its
 * refresh token is not kept: a refresh returns no new ID token, so it could not help.
 */
export interface NhsLoginTokens {
  idToken: string;
}

/** What a sign-in hands over to start a session. */
export interface NewSession {
  patient: Patient;
  /** The ID token's `jti`: the `code` of an asserted_login_identity. */
  idTokenJti: string;
  /** When the person last authenticated with NHS login (seconds). */
  authTime: number;
  nhsLogin: NhsLoginTokens;
  notice?: Notice;
}

/** A session as pages see it. */
export interface Session extends Omit<NewSession, "notice"> {
  /**
   * When the person last authenticated with NHS login (seconds): the absolute limit counts from
   * here, across log-ins through single sign-on (`authenticationClock`).
   */
  authenticatedAt: number;
  /** Last request seen, for the inactivity limit (seconds). */
  lastActiveAt: number;
}

export type SessionState =
  | { status: "none" }
  | {
      status: "active";
      /** The store's key for this session (a hash of its id). */
      key: string;
      session: Session;
      /** When the session ends unless there is activity (never after the absolute limit). */
      idleExpiresAt: number;
      notice?: Notice;
      /** The API platform's slot as this read found it: what `readApiSlot` would answer. */
      apiSlot?: Record<string, unknown>;
    }
  /** `key`: the store's key for the session that ended. */
  | { status: "ended"; reason: EndReason; key: string }
  /** The session store could not be reached: whether there is a session is unknown. */
  | { status: "unavailable"; key: string; endsBy: number };

/**
 * What the cookie alone says, without asking the store: enough for the route gate to send a
 * person without a session to NHS login and one below a page's level to uplift.
 */
export type CookieView =
  | { status: "none" }
  | { status: "active"; level: Level }
  | { status: "ended"; reason: "max-age"; key: string };

/**
 * The session cookie is a sealed envelope around a random session id (256 bits), with the facts
 * that never change during a session: the account it belongs to (a keyed hash, which is also
 * where the store keeps it), its verification level and when its absolute limit began. The
 * record itself lives in the store, under a hash of the id.
 */
interface Envelope {
  sid: string;
  account: string;
  level: Level;
  authenticatedAt: number;
}

/** The record's content as sealed in the store, bound to the key it was stored under. */
interface SealedRecord {
  key: string;
  content: Omit<Session, "authenticatedAt" | "lastActiveAt">;
}

/** Anything longer is not a cookie of ours, and is refused before any decryption. */
const MAX_COOKIE_LENGTH = 512;
/** The envelope outlives the absolute limit by this much, to say why a session ended. */
const ENVELOPE_GRACE_SECONDS = 60 * 60;
/** Log-outs waiting for the store: how many are remembered, how often they are tried. */
const UNFINISHED_ENDS = { max: 10_000, retryMs: 1_000 };

export interface Sessions {
  /**
   * Opens a session for a person who has just logged in; `authenticatedAt` is when they last
   * authenticated (`authenticationClock`). Beyond the account's cap, its oldest session ends.
   */
  open(fresh: NewSession, authenticatedAt: number): Promise<{ cookie: string; key: string }>;
  read(cookie: string | undefined, options?: { keepAlive?: boolean }): Promise<SessionState>;
  view(cookie: string | undefined): CookieView;
  end(key: string, reason: EndReason): Promise<EndResult>;
  /**
   * Ends a session once the store can be reached again, if this process lives that long: for a
   * log-out that could not end it now (`endsBy`: its absolute limit, when it ends anyway).
   */
  endLater(key: string, reason: EndReason, endsBy: number): void;
  /** Ends a session that `replacement`, the same person's new one, takes the place of. */
  replace(key: string, replacement: string): Promise<{ orphanEnded: boolean }>;
  endEverywhere(sub: string): Promise<number>;
  /** What calling NHS APIs as the person keeps with the session, sealed like the record. */
  readApiSlot(key: string): Promise<Record<string, unknown> | undefined>;
  writeApiSlot(key: string, slot: Record<string, unknown> | undefined): Promise<void>;
  /** Work done for one session by one request at a time, on every instance. */
  exclusive<T>(key: string, work: () => Promise<T>, holdMs?: number): Promise<T>;
}

export function createSessions(options: {
  store: SessionStore;
  secrets: Secrets;
  limits: SessionLimits;
}): Sessions {
  const { store, limits } = options;
  const secrets = typeof options.secrets === "string" ? [options.secrets] : options.secrets;
  const envelopes = cookieCodec(options.secrets, "session");
  const records = cookieCodec(options.secrets, "session-record");
  const lifetime = limits.maxAgeSeconds + ENVELOPE_GRACE_SECONDS;
  const unfinished = unfinishedEnds(store, UNFINISHED_ENDS);

  /** The account's keyed hash, by the sealing secret unless told (a rotation under way). */
  const accountOf = (sub: string, secret = secrets[0]!) =>
    createHmac("sha256", secret).update(`account:${sub}`).digest("base64url");

  function openEnvelope(cookie: string | undefined): Envelope | null {
    if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return null;
    const payload = envelopes.decode(cookie) as Partial<Envelope> | null;
    if (
      typeof payload?.sid !== "string" ||
      typeof payload.account !== "string" ||
      !isLevel(payload.level) ||
      typeof payload.authenticatedAt !== "number"
    ) {
      return null;
    }
    const { sid, account, level, authenticatedAt } = payload;
    return { sid, account, level, authenticatedAt };
  }

  const keyOf = (envelope: Envelope) => sessionKey(envelope.account, idHash(envelope.sid));

  /** A slot sealed for another key (copied in the store) opens as nothing. */
  function openApiSlot(key: string, sealed: string | undefined) {
    const opened = sealed ? records.decode(sealed) : null;
    return opened?.key === key && typeof opened.slot === "object" && opened.slot !== null
      ? (opened.slot as Record<string, unknown>)
      : undefined;
  }

  const pastAbsoluteLimit = (envelope: Envelope, now: number) =>
    now - envelope.authenticatedAt >= limits.maxAgeSeconds;

  return {
    async open(fresh, authenticatedAt) {
      const now = nowSeconds();
      const sid = randomBytes(32).toString("base64url");
      const account = accountOf(fresh.patient.sub);
      const envelope: Envelope = { sid, account, level: fresh.patient.level, authenticatedAt };
      const key = keyOf(envelope);
      const { notice, ...kept } = fresh;
      await store.create(key, {
        account,
        authenticatedAt,
        lastActiveAt: now,
        data: records.encode({ key, content: kept }, lifetime),
        ...(notice ? { notice } : {}),
      });
      return { cookie: envelopes.encode({ ...envelope }, lifetime), key };
    },

    async read(cookie, { keepAlive = false } = {}) {
      const envelope = openEnvelope(cookie);
      if (!envelope) return { status: "none" };
      const now = nowSeconds();
      const key = keyOf(envelope);
      if (pastAbsoluteLimit(envelope, now)) return { status: "ended", reason: "max-age", key };
      let result;
      try {
        result = await store.touch(key, { now, force: keepAlive });
      } catch (error) {
        if (!isSessionStoreUnavailable(error)) throw error;
        return {
          status: "unavailable",
          key,
          endsBy: envelope.authenticatedAt + limits.maxAgeSeconds,
        };
      }
      switch (result.status) {
        // Within the absolute limit, a record disappears on its own only at its idle deadline.
        case "missing":
          return { status: "ended", reason: "idle", key };
        case "limit-reached":
          return { status: "ended", reason: result.limit, key };
        case "ended":
          return { status: "ended", reason: result.reason, key };
      }
      const { session: stored } = result;
      const sealed = records.decode(stored.data) as SealedRecord | null;
      // Sealed with another secret, or moved to another key: not this session's record.
      if (!sealed || sealed.key !== key) return { status: "none" };
      const { content } = sealed;
      // The store reads the slot with the record: a page that needs it asks the store only once.
      const apiSlot = openApiSlot(key, stored.apiSlot);
      return {
        status: "active",
        key,
        session: {
          ...content,
          authenticatedAt: stored.authenticatedAt,
          lastActiveAt: stored.lastActiveAt,
        },
        idleExpiresAt: idleDeadline(stored.authenticatedAt, stored.lastActiveAt, limits),
        ...(isNotice(stored.notice) ? { notice: stored.notice } : {}),
        ...(apiSlot ? { apiSlot } : {}),
      };
    },

    view(cookie) {
      const envelope = openEnvelope(cookie);
      if (!envelope) return { status: "none" };
      if (pastAbsoluteLimit(envelope, nowSeconds())) {
        return { status: "ended", reason: "max-age", key: keyOf(envelope) };
      }
      return { status: "active", level: envelope.level };
    },

    end: (key, reason) => store.end(key, reason),
    endLater: (key, reason, endsBy) => unfinished.add(key, { reason, endsBy }),
    // Across a rotation of AUTH_SECRET the two keys are tagged apart, and no one step of a
    // cluster can touch both: the old one just ends.
    async replace(key, replacement) {
      if (accountOfKey(key) === accountOfKey(replacement)) return store.replace(key, replacement);
      await store.end(key, "replaced");
      return { orphanEnded: false };
    },
    // Under every secret that may have tagged the account's sessions.
    endEverywhere: async (sub) => {
      let ended = 0;
      for (const secret of secrets)
        ended += await store.endAll(accountOf(sub, secret), "everywhere");
      return ended;
    },

    readApiSlot: async (key) => openApiSlot(key, await store.readApiSlot(key)),
    writeApiSlot: (key, slot) =>
      store.writeApiSlot(key, slot && records.encode({ key, slot }, lifetime)),
    exclusive: (key, work, holdMs) => store.exclusive(key, work, holdMs),
  };
}

/** The store never sees the id the cookie carries, only its hash. */
function idHash(sid: string): string {
  return createHash("sha256").update(sid).digest("base64url");
}

function isNotice(value: unknown): value is Notice {
  return value === "idle" || value === "max-age" || value === "everywhere";
}
