import { headers } from "next/headers";
import { getConfig } from "@/lib/config";
import { currentSession } from "@/lib/session/current";
import {
  explainTimeout,
  parseTimeoutReason,
  TIMED_OUT_NOTICE_HEADER,
} from "@/lib/sign-in/timed-out";
import { NotificationBanner } from "./notification-banner";

/** Once, on the first page after a log-in that a time limit forced: why it was needed. */
export async function TimedOutNotice() {
  const reason = parseTimeoutReason((await headers()).get(TIMED_OUT_NOTICE_HEADER));
  if (!reason || (await currentSession()).status !== "active") return null;
  return (
    <NotificationBanner heading="You have logged in again">
      <p data-testid="timeout-reason">
        For your security, we logged you out because {explainTimeout(reason, getConfig().session)}.
      </p>
    </NotificationBanner>
  );
}
