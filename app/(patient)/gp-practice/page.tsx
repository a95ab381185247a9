import type { Metadata } from "next";
import { InsetText } from "@/components/inset-text";
import { PageMain } from "@/components/page-main";
import { SummaryList } from "@/components/summary-list";
import { requireAccess } from "@/lib/page-access";
import { patientPage, purposeSentence } from "@/lib/patient-pages";

const PAGE = patientPage("/gp-practice");
export const metadata: Metadata = { title: PAGE.title, description: purposeSentence(PAGE) };

export default async function GpPracticePage() {
  const { patient } = await requireAccess(PAGE.path);
  return (
    <PageMain heading={PAGE.title}>
      {patient.gpOdsCode ? (
        <>
          <p>NHS login told us which GP surgery you are registered with.</p>
          <SummaryList rows={[{ key: "GP surgery code", value: patient.gpOdsCode }]} />
          <p>
            This is the code the NHS gives each GP surgery, called an ODS code. Services use it to
            find your surgery&apos;s details and to send information to the right place.
          </p>
        </>
      ) : (
        <InsetText>
          <p>
            NHS login did not share a GP surgery for you. This can happen if you are not registered
            with a GP surgery in England, or you registered recently.
          </p>
        </InsetText>
      )}
      <p>
        If you have moved or changed GP surgery,{" "}
        <a href="https://www.nhs.uk/nhs-services/gps/how-to-register-with-a-gp-surgery/">
          find out how to register with a GP surgery
        </a>
        .
      </p>
    </PageMain>
  );
}
