"use client";

import { usePathname } from "next/navigation";
import { HeaderNavigation } from "./header";

export type NavigationPage = { path: string; title: string };

/**
 * The header's navigation for a logged-in person, the page being shown marked. A client
 * component only because usePathname is how a layout's part learns the page's path; it is
 * rendered on the server like the rest, so the marking is in the HTML with or without
 * JavaScript.
 */
export function PatientNavigation({ pages }: { pages: NavigationPage[] }) {
  const path = usePathname();
  return (
    <HeaderNavigation
      items={pages.map((page) => ({
        href: page.path,
        text: page.title,
        current: path === page.path,
        active: path.startsWith(`${page.path}/`),
      }))}
    />
  );
}
