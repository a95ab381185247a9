import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { Placeholder } from "@/components/placeholder";
import { getConfig } from "@/lib/config";

const TITLE = "Accessibility statement";
export const metadata: Metadata = {
  title: TITLE,
  description:
    "How accessible this service is, how to ask for information in another format and how to report a problem.",
};

const NHS_LOGIN_STATEMENT = "https://access.login.nhs.uk/accessibility";

/**
 * The GOV.UK model accessibility statement, filled in for what the portal itself is and does.
 * The team running the service fills in the placeholders after its own testing.
 */
export default function AccessibilityPage() {
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p>
        This accessibility statement applies to {serviceName} at{" "}
        <Placeholder>the web address of this service</Placeholder>.
      </p>
      <p>
        This service is run by <Placeholder>the name of the organisation that runs it</Placeholder>.
        We want as many people as possible to be able to use it. For example, that means you should
        be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts using your browser or device settings</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>get around the whole service using just a keyboard</li>
        <li>get around the whole service using speech recognition software</li>
        <li>listen to the whole service using a screen reader</li>
        <li>use the service without JavaScript</li>
      </ul>
      <p>We have also made the text as simple as possible to understand.</p>
      <p>
        <a href="https://mcmw.abilitynet.org.uk/">AbilityNet</a> has advice on making your device
        easier to use if you have a disability.
      </p>

      <h2>How accessible this service is</h2>
      <p>
        We do not know of any part of this service that is not accessible.{" "}
        <Placeholder>
          after your own accessibility testing, list here anything that is not accessible, in plain
          words, or keep the sentence before this
        </Placeholder>
      </p>
      <p>
        You log in to this service with NHS login, which is run by NHS England. Its pages are not
        covered by this statement:{" "}
        <a href={NHS_LOGIN_STATEMENT}>read NHS login&apos;s accessibility statement</a>.
      </p>

      <h2>Feedback and contact information</h2>
      <p>
        If you need information on this service in a different format, such as large print, easy
        read, an audio recording or braille, contact us:
      </p>
      <ul>
        <li>
          email: <Placeholder>an email address</Placeholder>
        </li>
        <li>
          phone: <Placeholder>a phone number, with its opening hours</Placeholder>
        </li>
      </ul>
      <p>
        We will consider your request and get back to you in <Placeholder>a number of</Placeholder>{" "}
        working days.
      </p>

      <h2>Reporting accessibility problems with this service</h2>
      <p>
        We are always looking to improve the accessibility of this service. If you find a problem
        that is not listed on this page, or you think we are not meeting accessibility requirements,
        contact us: <Placeholder>how to report a problem</Placeholder>.
      </p>

      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public
        Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the
        &lsquo;accessibility regulations&rsquo;). If you are not happy with how we respond to your
        complaint,{" "}
        <a href="https://www.equalityadvisoryservice.com/">
          contact the Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>

      <h2>Technical information about this service&apos;s accessibility</h2>
      <p>
        <Placeholder>the name of the organisation</Placeholder> is committed to making this service
        accessible, in accordance with the accessibility regulations.
      </p>
      <h3>Compliance status</h3>
      <p>
        This service is fully compliant with the{" "}
        <a href="https://www.w3.org/TR/WCAG22/">Web Content Accessibility Guidelines version 2.2</a>{" "}
        AA standard.{" "}
        <Placeholder>
          confirm this after your own accessibility audit, or say the service is partially compliant
          and list each problem, with the guideline it fails, below
        </Placeholder>
      </p>
      <h3>Content that is not accessible</h3>
      <p>We do not know of any content in this service that is not accessible.</p>

      <h2>What we are doing to improve accessibility</h2>
      <p>
        Every page is checked with automated accessibility tests each time the service changes, and
        every journey is tested without JavaScript.{" "}
        <Placeholder>your plans, such as regular testing with disabled people</Placeholder>
      </p>

      <h2>Preparation of this accessibility statement</h2>
      <p>
        This statement was prepared on <Placeholder>a date</Placeholder>. It was last reviewed on{" "}
        <Placeholder>a date</Placeholder>.
      </p>
      <p>
        This service was last tested on <Placeholder>a date</Placeholder> against the WCAG 2.2 AA
        standard. The test was carried out by <Placeholder>who tested it, and how</Placeholder>.
      </p>
    </PageMain>
  );
}
