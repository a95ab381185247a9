"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type TimeoutWarningProps = {
  /** How long the session has left without activity, counted by the server when it answered. */
  secondsLeft: number;
  /** How long before that to warn. */
  warningSeconds: number;
  /** Not inside the NHS App, which owns the person's account and logs them out itself. */
  canLogOut: boolean;
};

/** A moment past the limit, so the server agrees the session has ended when the page reloads. */
const SLACK_MS = 1_000;

/**
 * Warns before the inactivity limit and offers to stay logged in. At the limit the page loads
 * itself again: the server then ends the session and sends the person back to NHS login, so no
 * personal data stays on screen. Times are relative to the server's answer, so a wrong clock in
 * the browser cannot end a session early. Without JavaScript the server enforces the same limits
 * on the next request.
 */
export function TimeoutWarning({ secondsLeft, warningSeconds, canLogOut }: TimeoutWarningProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [remaining, setRemaining] = useState(secondsLeft);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const warn = window.setTimeout(
      () => {
        if (!dialog.current?.open) dialog.current?.showModal();
      },
      Math.max(0, (remaining - warningSeconds) * 1000),
    );
    // A full navigation, so nothing of this page stays in memory or on screen.
    const end = window.setTimeout(() => window.location.reload(), remaining * 1000 + SLACK_MS);
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(end);
    };
  }, [remaining, warningSeconds]);

  const stayLoggedIn = useCallback(async () => {
    const response = await fetch("/auth/keep-alive", { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      setFailed(true);
      return;
    }
    const body = (await response.json()) as Pick<TimeoutWarningProps, "secondsLeft">;
    setFailed(false);
    dialog.current?.close();
    setRemaining(body.secondsLeft);
  }, []);

  const minutes = Math.max(1, Math.round(warningSeconds / 60));
  return (
    <dialog
      ref={dialog}
      className="portal-timeout-dialog"
      aria-labelledby="timeout-heading"
      aria-describedby="timeout-description"
      data-testid="timeout-warning"
    >
      <h2 id="timeout-heading" className="nhsuk-heading-m">
        You&apos;re about to be logged out
      </h2>
      <p id="timeout-description">
        For your security, we&apos;ll log you out in {minutes}{" "}
        {minutes === 1 ? "minute" : "minutes"} if you do not do anything.
      </p>
      {failed && (
        <p className="nhsuk-error-message" role="alert">
          Sorry, we could not keep you logged in. Save anything you need and log in again.
        </p>
      )}
      <div className="nhsuk-button-group">
        <button type="button" className="nhsuk-button" onClick={stayLoggedIn}>
          Stay logged in
        </button>
        {canLogOut && (
          <form action="/auth/logout" method="post">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary">
              Log out
            </button>
          </form>
        )}
      </div>
    </dialog>
  );
}
