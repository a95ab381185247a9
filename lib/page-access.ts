import { redirect } from "next/navigation";
import { decideAccess, type Visitor } from "./access";
import { log, requestReference } from "./log";
import { insideNhsApp } from "./inside-nhs-app";
import { currentSession } from "./session/current";
import type { Session, SessionState } from "./session/sessions";
import { SERVICE_UNAVAILABLE_PATH } from "./sign-in/outcomes";

/** A logged-in person's session and the store's key for it, under which its API slot is kept. */
export interface ActiveSession {
  key: string;
  session: Session;
  /** The session's API slot as the page's read of the session found it (empty: undefined). */
  apiSlot: Record<string, unknown> | undefined;
}

/**
 * A gated page's own check, with the session from the store: the same decision as the route
 * gate's, so a request that got past the gate somehow still gets nothing it should not, and a
 * session that has ended (log-out, the idle limit, another device) is caught here.
 */
export async function requireAccess(path: string): Promise<ActiveSession> {
  const state = await currentSession();
  const decision = decideAccess(path, visitorOf(state), { insideNhsApp: await insideNhsApp() });
  if (decision.kind === "redirect") redirect(decision.to);
  if (decision.kind === "unavailable") {
    const reference = requestReference();
    log("error", "session-store-unavailable", { reference, during: "page" });
    redirect(`${SERVICE_UNAVAILABLE_PATH}?ref=${reference}`);
  }
  if (state.status !== "active") redirect(`/auth/sign-in?returnTo=${encodeURIComponent(path)}`);
  return { key: state.key, session: state.session, apiSlot: state.apiSlot };
}

export function visitorOf(state: SessionState): Visitor {
  return state.status === "active"
    ? { status: "active", level: state.session.patient.level }
    : state;
}
