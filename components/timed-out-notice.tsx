import { getConfig } from "@/lib/config";
import { currentSession } from "@/lib/session/current";
import { explainTimeout } from "@/lib/sign-in/timed-out";
import { NotificationBanner } from "./notification-banner";

/**
 * Once, on the first page after a log-in that an ended session forced: why it was needed. The
 * session record holds the notice until this page has read it.
 */
export async function TimedOutNotice() {
  const state = await currentSession();
  if (state.status !== "active" || !state.notice) return null;
  return (
    <NotificationBanner heading="You have logged in again">
      <p data-testid="timeout-reason">
        For your security, we logged you out because{" "}
        {explainTimeout(state.notice, getConfig().session)}.
      </p>
    </NotificationBanner>
  );
}
