import { createHash, randomBytes } from "node:crypto";
import type { NextRequest, NextResponse } from "next/server";
import type { SignInChecks } from "../auth";
import { clearCookie, clearCookieNamed, cookieMaxAge, cookieName, setCookie } from "../cookies";
import { isLevel, isVector, type Level, type Vector } from "nhs-login-vocabulary";
import { cookieCodec, type Secrets } from "../session/codec";
import type { Notice } from "../session/sessions";

/**
 * A sign-in in progress, from the moment the portal sends the person to NHS login until they
 * come back: what was asked for, so the callback can check NHS login's answer against this very
 * request. Each attempt is its own cookie, named after its `state`, so that a person can start
 * a log-in in two tabs (or press Back and try again) and finish either, in any order. Each is
 * used once, lives fifteen minutes at most, and a browser holds a few at most.
 */
export interface SignInAttempt {
  /** The `state` sent to NHS login; the callback must bring back the same. */
  state: string;
  vectors: Vector[];
  returnTo: string;
  startedAt: number;
  /** The person must authenticate afresh: NHS login's answer must not be older than this. */
  authenticatedSince?: number;
  /** Started by the NHS App (asserted login identity), so failures send the person back there. */
  fromNhsApp: boolean;
  /** Already logged in at this level: the attempt is an uplift. */
  upliftFrom?: Level;
  /** Said once after the log-in: why the person had to log in again. */
  notice?: Notice;
  /**
   * The session this browser presented, already replaced by another log-in whose answer it never
   * kept: the log-in that completes this attempt replaces it again (see `SessionStore.replace`).
   */
  replacing?: string;
  /** Auth.js's sealed PKCE verifier and nonce for this authorization request. */
  checks: SignInChecks;
}

/** Beyond this many attempts in one browser, the oldest is dropped. */
export const MAX_ATTEMPTS = 4;
const PURPOSE = "sign-in";

export function newState(): string {
  return randomBytes(32).toString("base64url");
}

/** How long an attempt lives: the cookie's lifetime. */
export const ATTEMPT_SECONDS = cookieMaxAge("signInAttempt")!;

/** The attempt's own name: a digest of its `state`, never the state itself. */
export function attemptId(state: string): string {
  return createHash("sha256").update(state).digest("base64url").slice(0, 22);
}

function codec(secrets: Secrets) {
  return cookieCodec(secrets, PURPOSE);
}

function parse(payload: Record<string, unknown> | null): SignInAttempt | null {
  const candidate = payload as Partial<SignInAttempt> | null;
  if (
    typeof candidate?.state !== "string" ||
    !Array.isArray(candidate.vectors) ||
    !candidate.vectors.every(isVector) ||
    typeof candidate.returnTo !== "string" ||
    typeof candidate.startedAt !== "number" ||
    typeof candidate.checks !== "object" ||
    candidate.checks === null
  ) {
    return null;
  }
  return {
    state: candidate.state,
    vectors: candidate.vectors,
    returnTo: candidate.returnTo,
    startedAt: candidate.startedAt,
    fromNhsApp: candidate.fromNhsApp === true,
    checks: candidate.checks,
    ...(typeof candidate.authenticatedSince === "number"
      ? { authenticatedSince: candidate.authenticatedSince }
      : {}),
    ...(isLevel(candidate.upliftFrom) ? { upliftFrom: candidate.upliftFrom } : {}),
    ...(candidate.notice ? { notice: candidate.notice } : {}),
    ...(typeof candidate.replacing === "string" ? { replacing: candidate.replacing } : {}),
  };
}

/** This browser's attempt for the `state` NHS login sent back, if there is one. */
export function findAttempt(
  request: NextRequest,
  state: string | null,
  secrets: Secrets,
  secure: boolean,
): SignInAttempt | null {
  if (!state || state.length > 512) return null;
  const value = request.cookies.get(cookieName("signInAttempt", secure, attemptId(state)))?.value;
  const attempt = value ? parse(codec(secrets).decode(value)) : null;
  return attempt?.state === state ? attempt : null;
}

/** Used up: the callback removes the attempt whatever the outcome. */
export function forgetAttempt(response: NextResponse, state: string, secure: boolean): void {
  clearCookie(response, "signInAttempt", secure, attemptId(state));
}

/** Records a new attempt, dropping the oldest and any unreadable ones beyond the bound. */
export function rememberAttempt(
  request: NextRequest,
  response: NextResponse,
  attempt: SignInAttempt,
  secrets: Secrets,
  secure: boolean,
): void {
  const prefix = cookieName("signInAttempt", secure, "");
  const others = request.cookies
    .getAll()
    .filter(({ name }) => name.startsWith(prefix))
    .map(({ name, value }) => ({ name, attempt: parse(codec(secrets).decode(value)) }))
    .sort((a, b) => (b.attempt?.startedAt ?? 0) - (a.attempt?.startedAt ?? 0));
  others
    .filter((other, index) => !other.attempt || index >= MAX_ATTEMPTS - 1)
    .forEach(({ name }) => clearCookieNamed(response, name, secure));
  const value = codec(secrets).encode({ ...attempt }, ATTEMPT_SECONDS);
  setCookie(response, "signInAttempt", value, secure, attemptId(attempt.state));
}
