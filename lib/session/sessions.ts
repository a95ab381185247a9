import { createHash, createHmac, randomBytes } from "node:crypto";
import type { Patient } from "../nhs-login/claims";
import { isLevel, type Level } from "nhs-login-vocabulary";
import { cookieCodec } from "./codec";
import {
  idleDeadline,
  nowSeconds,
  type EndReason,
  type SessionLimits,
  type TimeLimit,
} from "./rules";
import { isSessionStoreUnavailable, type SessionStore } from "./store";

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
  /** When this session began, for the absolute limit (seconds). */
  signedInAt: number;
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
  | { status: "ended"; reason: EndReason }
  /** The session store could not be reached: whether there is a session is unknown. */
  | { status: "unavailable" };

/**
 * What the cookie alone says, without asking the store: enough for the route gate to send a
 * person without a session to NHS login and one below a page's level to uplift.
 */
export type CookieView =
  { status: "none" } | { status: "active"; level: Level } | { status: "ended"; reason: "max-age" };

/**
 * The session cookie is a sealed envelope around a random session id (256 bits), with the two
 * facts that never change during a session: its verification level and when it began. The
 * record itself lives in the store, under a hash of the id.
 */
interface Envelope {
  sid: string;
  level: Level;
  signedInAt: number;
}

/** The record's content as sealed in the store, bound to the key it was stored under. */
interface SealedRecord {
  key: string;
  content: Omit<Session, "signedInAt" | "lastActiveAt">;
}

/** Anything longer is not a cookie of ours, and is refused before any decryption. */
const MAX_COOKIE_LENGTH = 512;
/** The envelope outlives the absolute limit by this much, to say why a session ended. */
const ENVELOPE_GRACE_SECONDS = 60 * 60;

export interface Sessions {
  open(fresh: NewSession): Promise<{ cookie: string; key: string }>;
  read(cookie: string | undefined, options?: { keepAlive?: boolean }): Promise<SessionState>;
  view(cookie: string | undefined): CookieView;
  end(key: string, reason: EndReason): Promise<void>;
  endEverywhere(sub: string): Promise<number>;
  /** What calling NHS APIs as the person keeps with the session, sealed like the record. */
  readApiSlot(key: string): Promise<Record<string, unknown> | undefined>;
  writeApiSlot(key: string, slot: Record<string, unknown> | undefined): Promise<void>;
  /** Work done for one session by one request at a time, on every instance. */
  exclusive<T>(key: string, work: () => Promise<T>, holdMs?: number): Promise<T>;
}

export function createSessions(options: {
  store: SessionStore;
  secret: string;
  limits: SessionLimits;
}): Sessions {
  const { store, secret, limits } = options;
  const envelopes = cookieCodec(secret, "session");
  const records = cookieCodec(secret, "session-record");
  const lifetime = limits.maxAgeSeconds + ENVELOPE_GRACE_SECONDS;

  const accountOf = (sub: string) =>
    createHmac("sha256", secret).update(`account:${sub}`).digest("base64url");

  function openEnvelope(cookie: string | undefined): Envelope | null {
    if (!cookie || cookie.length > MAX_COOKIE_LENGTH) return null;
    const payload = envelopes.decode(cookie) as Partial<Envelope> | null;
    if (
      typeof payload?.sid !== "string" ||
      !isLevel(payload.level) ||
      typeof payload.signedInAt !== "number"
    ) {
      return null;
    }
    return { sid: payload.sid, level: payload.level, signedInAt: payload.signedInAt };
  }

  /** A slot sealed for another key (copied in the store) opens as nothing. */
  function openApiSlot(key: string, sealed: string | undefined) {
    const opened = sealed ? records.decode(sealed) : null;
    return opened?.key === key && typeof opened.slot === "object" && opened.slot !== null
      ? (opened.slot as Record<string, unknown>)
      : undefined;
  }

  const pastAbsoluteLimit = (envelope: Envelope, now: number) =>
    now - envelope.signedInAt >= limits.maxAgeSeconds;

  return {
    async open(fresh) {
      const now = nowSeconds();
      const sid = randomBytes(32).toString("base64url");
      const key = storeKey(sid);
      const { notice, ...kept } = fresh;
      await store.create(key, {
        account: accountOf(fresh.patient.sub),
        signedInAt: now,
        lastActiveAt: now,
        data: records.encode({ key, content: kept }, lifetime),
        ...(notice ? { notice } : {}),
      });
      const envelope: Envelope = { sid, level: fresh.patient.level, signedInAt: now };
      return { cookie: envelopes.encode({ ...envelope }, lifetime), key };
    },

    async read(cookie, { keepAlive = false } = {}) {
      const envelope = openEnvelope(cookie);
      if (!envelope) return { status: "none" };
      const now = nowSeconds();
      if (pastAbsoluteLimit(envelope, now)) return { status: "ended", reason: "max-age" };
      const key = storeKey(envelope.sid);
      let result;
      try {
        result = await store.touch(key, { now, force: keepAlive });
      } catch (error) {
        if (isSessionStoreUnavailable(error)) return { status: "unavailable" };
        throw error;
      }
      switch (result.status) {
        // Within the absolute limit, a record disappears on its own only at its idle deadline.
        case "missing":
          return { status: "ended", reason: "idle" };
        case "limit-reached":
          return { status: "ended", reason: result.limit };
        case "ended":
          return { status: "ended", reason: result.reason };
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
        session: { ...content, signedInAt: stored.signedInAt, lastActiveAt: stored.lastActiveAt },
        idleExpiresAt: idleDeadline(stored.signedInAt, stored.lastActiveAt, limits),
        ...(isNotice(stored.notice) ? { notice: stored.notice } : {}),
        ...(apiSlot ? { apiSlot } : {}),
      };
    },

    view(cookie) {
      const envelope = openEnvelope(cookie);
      if (!envelope) return { status: "none" };
      if (pastAbsoluteLimit(envelope, nowSeconds())) return { status: "ended", reason: "max-age" };
      return { status: "active", level: envelope.level };
    },

    end: (key, reason) => store.end(key, reason),
    endEverywhere: (sub) => store.endAll(accountOf(sub), "everywhere"),

    readApiSlot: async (key) => openApiSlot(key, await store.readApiSlot(key)),
    writeApiSlot: (key, slot) =>
      store.writeApiSlot(key, slot && records.encode({ key, slot }, lifetime)),
    exclusive: (key, work, holdMs) => store.exclusive(key, work, holdMs),
  };
}

/** The store never sees the id the cookie carries, only its hash. */
function storeKey(sid: string): string {
  return createHash("sha256").update(sid).digest("base64url");
}

function isNotice(value: unknown): value is Notice {
  return value === "idle" || value === "max-age" || value === "everywhere";
}
