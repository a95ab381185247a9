import { portalCookieName } from "../cookies";
import type { Vector } from "nhs-login-vocabulary";
import { cookieCodec } from "../session/codec";
import type { TimeoutReason } from "../session/session";
import { parseTimeoutReason } from "./timed-out";

/**
 * A sign-in in progress, kept in an encrypted cookie from the moment the portal sends the
 * person to NHS login until they come back: what was asked for, so the callback can check
 * NHS login's answer against this very request.
 */
export interface SignInAttempt {
  /** The `state` sent to NHS login; the callback must carry the same. */
  state: string;
  vectors: Vector[];
  returnTo: string;
  /** Started by the NHS App (asserted login identity), so failures send the person back there. */
  fromNhsApp: boolean;
  /** Started because the last session reached a time limit: the person is told so on return. */
  timedOut?: TimeoutReason;
}

export const SIGN_IN_MAX_AGE_SECONDS = 15 * 60;
const PURPOSE = "sign-in";

export function signInCookieName(secure: boolean): string {
  return portalCookieName("portal.sign-in", secure);
}

export function encodeSignInAttempt(attempt: SignInAttempt, secret: string): Promise<string> {
  return cookieCodec(secret, PURPOSE).encode({ ...attempt }, SIGN_IN_MAX_AGE_SECONDS);
}

export async function decodeSignInAttempt(
  value: string | undefined,
  secret: string,
): Promise<SignInAttempt | null> {
  if (!value) return null;
  const payload = await cookieCodec(secret, PURPOSE).decode(value);
  const candidate = payload as Partial<SignInAttempt> | null;
  if (
    typeof candidate?.state !== "string" ||
    !Array.isArray(candidate.vectors) ||
    typeof candidate.returnTo !== "string"
  ) {
    return null;
  }
  const timedOut = parseTimeoutReason(candidate.timedOut);
  return {
    state: candidate.state,
    vectors: candidate.vectors,
    returnTo: candidate.returnTo,
    fromNhsApp: candidate.fromNhsApp === true,
    ...(timedOut ? { timedOut } : {}),
  };
}
