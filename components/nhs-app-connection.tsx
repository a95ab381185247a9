"use client";

import dynamic from "next/dynamic";

/**
 * What connects the portal's links to the NHS App's navigation, loaded only inside the app and
 * only in the browser: the HTML and every page outside the app carry none of it.
 */
export const NhsAppConnection = dynamic(
  () => import("./nhs-app-bridge").then((module) => module.NhsAppBridge),
  { ssr: false },
);
