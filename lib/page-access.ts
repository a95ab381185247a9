import { redirect } from "next/navigation";
import { accessFor } from "./access";
import { meetsLevel } from "nhs-login-vocabulary";
import { currentSession } from "./session/current";
import type { PortalSession } from "./session/session";

/**
 * A gated page's own check, through the same table as the proxy: a request that got past the
 * proxy somehow still gets nothing it should not.
 */
export async function requireAccess(path: string): Promise<PortalSession> {
  const access = accessFor(path);
  const state = await currentSession();
  const returnTo = encodeURIComponent(path);
  if (state.status === "timed-out") {
    redirect(`/auth/timed-out?reason=${state.reason}&returnTo=${returnTo}`);
  }
  if (state.status === "none") redirect(`/auth/sign-in?returnTo=${returnTo}`);
  if (access !== "public" && !meetsLevel(state.session.patient.level, access)) {
    redirect(`/auth/uplift?returnTo=${returnTo}`);
  }
  return state.session;
}
