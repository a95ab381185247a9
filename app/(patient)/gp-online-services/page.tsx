import type { Metadata } from "next";
import { InsetText } from "@/components/inset-text";
import { PageMain } from "@/components/page-main";
import { WarningCallout } from "@/components/warning-callout";
import { requireAccess } from "@/lib/page-access";
import { patientPage, purposeSentence } from "@/lib/patient-pages";

const PAGE = patientPage("/gp-online-services");
export const metadata: Metadata = { title: PAGE.title, description: purposeSentence(PAGE) };

export default async function GpOnlineServicesPage() {
  const {
    session: { patient },
  } = await requireAccess(PAGE.path);
  return (
    <PageMain heading={PAGE.title}>
      <p>
        GP online services let you book appointments, order repeat prescriptions and see your GP
        health record online. A service can connect to your GP online services account when NHS
        login shares your account details with it.
      </p>
      {patient.gpOnlineServices === "linked" && (
        <InsetText>
          <p data-testid="gp-online-services-status">
            Your GP online services account details were shared with us, so this service can connect
            to your GP surgery&apos;s system for you.
          </p>
        </InsetText>
      )}
      {patient.gpOnlineServices === "invalid" && (
        <WarningCallout heading="We cannot connect to your GP online services account">
          <p data-testid="gp-online-services-status">
            The GP online services details NHS login shared do not match your GP surgery, so we
            cannot use them. Contact your GP surgery and ask them to check your GP online services
            account.
          </p>
        </WarningCallout>
      )}
      {patient.gpOnlineServices === "not-shared" && (
        <InsetText>
          <p data-testid="gp-online-services-status">
            NHS login did not share GP online services account details for you. Your GP surgery may
            not offer GP online services, or you may not have an account yet. Ask your GP surgery
            how to get one.
          </p>
        </InsetText>
      )}
      <p>For your security, we never show your account details on screen.</p>
    </PageMain>
  );
}
