import type { ReactNode } from "react";
import { CONTACT_DETAILS_LEVEL, type HiddenReason } from "@/lib/contact-details";
import { logInAgainHref } from "@/lib/nhs-record";
import { UPLIFT_HEADING, upliftHref } from "@/lib/uplift";
import { InsetText } from "./inset-text";

export type ContactDetailsHiddenProps = {
  because: HiddenReason;
  /** What is not shown, e.g. "GP surgery". */
  what: string;
  /** The page to come back to after logging in again. */
  returnTo: string;
};

/**
 * Said in place of contact or location details a page may not show (lib/contact-details.ts).
 * For a restricted record the words say only that the record is protected: nothing about where
 * the person is, or why.
 */
export function ContactDetailsHidden({ because, what, returnTo }: ContactDetailsHiddenProps) {
  return (
    <InsetText>
      <p data-testid="contact-details-hidden" data-reason={because}>
        {explanation(because, what, returnTo)}
      </p>
      {because === "restricted" && <p>If you think this is wrong, speak to your GP surgery.</p>}
    </InsetText>
  );
}

function explanation(because: HiddenReason, what: string, returnTo: string): ReactNode {
  switch (because) {
    case "restricted":
      return <>Your NHS record has extra protection, so we do not show your {what} online.</>;
    case "unchecked":
      return (
        <>
          We cannot show your {what} at the moment, because we could not check your NHS record. Try
          again later.
        </>
      );
    case "no-record":
      return (
        <>
          We cannot show your {what}, because we could not find your NHS record.{" "}
          <a href="/nhs-record">Find out more about your NHS record</a>.
        </>
      );
    case "login-expired":
      return (
        <>
          To see your {what}, <a href={logInAgainHref(returnTo)}>log in again</a>. For your
          security, we check your NHS record only within an hour of your log-in.
        </>
      );
    case "not-confirmed":
      return (
        <>
          {UPLIFT_HEADING.confirm} to see your {what}.{" "}
          <a href={upliftHref(returnTo, CONTACT_DETAILS_LEVEL)}>Confirm it&apos;s you</a>
        </>
      );
  }
}
