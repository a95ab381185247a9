import type { ReactNode } from "react";
import { TimedOutNotice } from "./timed-out-notice";

export type PageMainProps = {
  /** A back link, rendered before `<main>` as the NHS.UK page template places it. */
  backLink?: ReactNode;
  /** The page's one `<h1>`; the page title repeats it. */
  heading: ReactNode;
  children: ReactNode;
};

/**
 * The page template's width container and main wrapper (which the skip link targets), with the
 * two-thirds column every page of the portal uses for readable line lengths, and the notice that
 * follows a log-in forced by a time limit.
 */
export function PageMain({ backLink, heading, children }: PageMainProps) {
  return (
    <div className="nhsuk-width-container">
      {backLink}
      <main className="nhsuk-main-wrapper" id="maincontent">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <TimedOutNotice />
            <h1>{heading}</h1>
            {children}
          </div>
        </div>
      </main>
    </div>
  );
}
