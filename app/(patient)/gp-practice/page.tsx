import type { Metadata } from "next";
import { ContactDetailsHidden } from "@/components/contact-details-hidden";
import { GpSurgeryName } from "@/components/gp-surgery-name";
import { InsetText } from "@/components/inset-text";
import { Lines } from "@/components/lines";
import { PageMain } from "@/components/page-main";
import { SummaryList, type SummaryListRow } from "@/components/summary-list";
import { WarningCallout } from "@/components/warning-callout";
import { contactDetailsFor } from "@/lib/contact-details";
import { requestReference } from "@/lib/log";
import type { ApiResult, SurgeryView } from "@/lib/nhs-api";
import { readSurgery } from "@/lib/nhs-record";
import { requireAccess } from "@/lib/page-access";
import { DETAIL_LABELS, formatPhoneNumber } from "@/lib/patient-display";
import { patientPage, purposeSentence } from "@/lib/patient-pages";

const PAGE = patientPage("/gp-practice");
export const metadata: Metadata = { title: PAGE.title, description: purposeSentence(PAGE) };

const REGISTER_URL = "https://www.nhs.uk/nhs-services/gps/how-to-register-with-a-gp-surgery/";

export default async function GpPracticePage() {
  const active = await requireAccess(PAGE.path);
  const { patient } = active.session;
  const contact = await contactDetailsFor(active);
  const code = contact.shown ? patient.gpOdsCode : undefined;
  // The Organisation Data Service adds the surgery's name, address and phone number; without
  // them the page says what NHS login shared, as it always has.
  const surgery = code ? await readSurgery(code, requestReference()) : undefined;
  return (
    <PageMain heading={PAGE.title}>
      {!contact.shown ? (
        <ContactDetailsHidden because={contact.because} what="GP surgery" returnTo={PAGE.path} />
      ) : code ? (
        <Surgery code={code} surgery={surgery} />
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
        <a href={REGISTER_URL}>find out how to register with a GP surgery</a>.
      </p>
    </PageMain>
  );
}

function Surgery({ code, surgery }: { code: string; surgery?: ApiResult<SurgeryView> }) {
  if (!surgery?.ok || !surgery.value.name) return <CodeOnly code={code} />;
  const { name, address, phone, open } = surgery.value;
  const surgeryRow: SummaryListRow = {
    key: DETAIL_LABELS.gpSurgery,
    value: <GpSurgeryName name={name} code={code} nameTestId="gp-surgery-name" />,
  };
  if (!open) {
    return (
      <>
        <WarningCallout heading="Your GP surgery has closed">
          <p data-testid="gp-surgery-closed">
            NHS records show that {name} has closed. If you have not registered with another GP
            surgery yet, you need to register with one to get NHS care.
          </p>
        </WarningCallout>
        <SummaryList rows={[surgeryRow]} />
      </>
    );
  }
  const rows: SummaryListRow[] = [surgeryRow];
  if (address.length > 0) {
    rows.push({
      key: DETAIL_LABELS.address,
      value: <Lines lines={address} testId="gp-surgery-address" />,
    });
  }
  if (phone) {
    rows.push({
      key: DETAIL_LABELS.phone,
      value: (
        <a href={`tel:${phone.replace(/\s/g, "")}`} data-testid="gp-surgery-phone">
          {formatPhoneNumber(phone)}
        </a>
      ),
    });
  }
  return (
    <>
      <p>You are registered with this GP surgery.</p>
      <SummaryList rows={rows} />
    </>
  );
}

/** What the page said before it could look surgeries up, and says when it cannot. */
function CodeOnly({ code }: { code: string }) {
  return (
    <>
      <p>NHS login told us which GP surgery you are registered with.</p>
      <SummaryList
        rows={[{ key: DETAIL_LABELS.gpSurgery, value: <GpSurgeryName code={code} /> }]}
      />
      <p>
        This is the code the NHS gives each GP surgery, called an ODS code. Services use it to find
        your surgery&apos;s details and to send information to the right place.
      </p>
    </>
  );
}
