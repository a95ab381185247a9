"use client";

import dynamic from "next/dynamic";

/**
 * The timeout warning, loaded only on pages of a logged-in person and only in the browser: its
 * dialog needs JavaScript to do anything, so logged-out pages and the HTML carry none of it.
 */
export const SessionTimeout = dynamic(
  () => import("./timeout-warning").then((module) => module.TimeoutWarning),
  { ssr: false },
);
