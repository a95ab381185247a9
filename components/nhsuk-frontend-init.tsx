"use client";

import { usePathname } from "next/navigation";
import { useEffect } from "react";

/**
 * Runs nhsuk-frontend's JavaScript for the portal's components on the page, and again after each
 * client-side navigation.
 * Components already initialised throw when initialised twice; that is expected here.
 */
export function NhsukFrontendInit() {
  const pathname = usePathname();
  useEffect(() => {
    let cancelled = false;
    void import("./nhsuk-frontend-components").then(({ initPortalComponents }) => {
      if (!cancelled) initPortalComponents(reportUnlessAlreadyInitialised);
    });
    return () => {
      cancelled = true;
    };
  }, [pathname]);
  return null;
}

function reportUnlessAlreadyInitialised(error: unknown) {
  if (error instanceof Error && /already initialised/i.test(error.message)) return;
  console.error(error);
}
