import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";

const TITLE = "Terms and conditions";
export const metadata: Metadata = {
  title: TITLE,
  description: "The terms you agree to when you use this service.",
};

export default function TermsPage() {
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p>By using {serviceName} you agree to these terms.</p>
      <h2>Using the service</h2>
      <p>
        You must only log in as yourself. Keep your NHS login details private and log out when you
        have finished, especially on a shared device.
      </p>
      <h2>Medical advice</h2>
      <p>
        This service does not give medical advice. If you need medical help, go to{" "}
        <a href="https://111.nhs.uk">111.nhs.uk</a> or <a href="tel:111">call 111</a>.{" "}
        <a href="tel:999">Call 999</a> if it is a life-threatening emergency.
      </p>
      <h2>Availability</h2>
      <p>
        We try to keep the service available at all times, but it depends on NHS login and may
        sometimes be unavailable.
      </p>
    </PageMain>
  );
}
