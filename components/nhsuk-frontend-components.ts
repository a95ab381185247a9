import {
  Button,
  createAll,
  Header,
  isSupported,
  NotificationBanner,
  SkipLink,
} from "nhsuk-frontend";

/**
 * nhsuk-frontend's scripts for the components the portal renders (those its markup names in a
 * `data-module`), and no others: named here, the bundler leaves the rest of the library out of
 * the page. A unit test checks the list against the components' markup.
 */
export const PORTAL_COMPONENTS = [Button, Header, NotificationBanner, SkipLink];

/** What nhsuk-frontend's `initAll` does, for these components only. */
export function initPortalComponents(onError: (error: unknown) => void): void {
  // The body snippet in app/layout.tsx marks a browser nhsuk-frontend supports.
  if (!isSupported()) return;
  for (const Component of PORTAL_COMPONENTS) createAll(Component, undefined, { onError });
}
