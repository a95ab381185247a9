import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";

const TITLE = "Accessibility statement";
export const metadata: Metadata = { title: TITLE };

export default function AccessibilityPage() {
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p>
        We want as many people as possible to be able to use {serviceName}. You should be able to:
      </p>
      <ul>
        <li>change colours, contrast levels and fonts</li>
        <li>zoom in up to 400% without the text spilling off the screen</li>
        <li>navigate the whole service using just a keyboard</li>
        <li>navigate the whole service using speech recognition software</li>
        <li>listen to the whole service using a screen reader</li>
        <li>use the service without JavaScript</li>
      </ul>
      <h2>How accessible this service is</h2>
      <p>
        This service is built with the NHS design system and aims to meet the Web Content
        Accessibility Guidelines (WCAG) version 2.2 AA standard. Every page is checked with
        automated accessibility tests each time the service changes.
      </p>
      <p>When you log in you use NHS login, which has its own accessibility statement.</p>
      <h2>Reporting accessibility problems</h2>
      <p>
        If you find a problem that is not listed here, or you need information in a different
        format, contact the team that runs this service.
      </p>
      <h2>Enforcement procedure</h2>
      <p>
        The Equality and Human Rights Commission (EHRC) is responsible for enforcing the
        accessibility regulations. If you are not happy with how we respond to your complaint,
        contact the{" "}
        <a href="https://www.equalityadvisoryservice.com/">
          Equality Advisory and Support Service (EASS)
        </a>
        .
      </p>
    </PageMain>
  );
}
