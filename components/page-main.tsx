import type { ReactNode } from "react";

export type PageMainProps = {
  /** A back link, rendered before `<main>` as the NHS.UK page template places it. */
  backLink?: ReactNode;
  children: ReactNode;
};

/** The page template's width container and main wrapper, which the skip link targets. */
export function PageMain({ backLink, children }: PageMainProps) {
  return (
    <div className="nhsuk-width-container">
      {backLink}
      <main className="nhsuk-main-wrapper" id="maincontent">
        {children}
      </main>
    </div>
  );
}
