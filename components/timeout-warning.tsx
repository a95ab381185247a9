"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type TimeoutWarningProps = {
  /** When the session ends without activity, in seconds since the epoch. */
  idleExpiresAt: number;
  /** Which limit ends it: inactivity, or the most a session may last. */
  endsBecause: "idle" | "max-age";
  /** How long before that to warn. */
  warningSeconds: number;
};

/**
 * Warns before the inactivity limit and offers to stay logged in; when the limit is reached the
 * page leaves for the timed-out page on its own, so no personal data stays on screen. Without
 * JavaScript the server enforces the same limits on the next request.
 */
export function TimeoutWarning({
  idleExpiresAt,
  endsBecause,
  warningSeconds,
}: TimeoutWarningProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [expiresAt, setExpiresAt] = useState(idleExpiresAt);
  const [reason, setReason] = useState(endsBecause);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const msUntil = (seconds: number) => Math.max(0, seconds * 1000 - Date.now());
    const warn = window.setTimeout(
      () => {
        if (!dialog.current?.open) dialog.current?.showModal();
      },
      msUntil(expiresAt - warningSeconds),
    );
    const end = window.setTimeout(() => {
      // A full navigation, so nothing of this page stays in memory or on screen.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      window.location.assign(`/auth/timed-out?reason=${reason}`);
    }, msUntil(expiresAt));
    return () => {
      window.clearTimeout(warn);
      window.clearTimeout(end);
    };
  }, [expiresAt, reason, warningSeconds]);

  const stayLoggedIn = useCallback(async () => {
    const response = await fetch("/auth/keep-alive", { method: "POST" }).catch(() => null);
    if (!response?.ok) {
      setFailed(true);
      return;
    }
    const body = (await response.json()) as TimeoutWarningProps;
    setFailed(false);
    dialog.current?.close();
    setExpiresAt(body.idleExpiresAt);
    setReason(body.endsBecause);
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
        <form action="/auth/logout" method="post">
          <button type="submit" className="nhsuk-button nhsuk-button--secondary">
            Log out
          </button>
        </form>
      </div>
    </dialog>
  );
}
