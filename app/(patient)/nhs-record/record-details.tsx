import type { ReactNode } from "react";
import { Button } from "@/components/button";
import { InsetText } from "@/components/inset-text";
import { Lines } from "@/components/lines";
import { SummaryList, type SummaryListRow } from "@/components/summary-list";
import type { NhsRecordView, SurgeryView } from "@/lib/nhs-api";
import { formatBirthdate, formatNhsNumber } from "@/lib/patient-display";
import { describeDifferences, includesLoginContactDetails } from "./differences";

const NOT_RECORDED = "Not recorded";

function LinesOrNotRecorded({ lines, testId }: { lines: readonly string[]; testId: string }) {
  return lines.length === 0 ? NOT_RECORDED : <Lines lines={lines} testId={testId} />;
}

function GpSurgery({ odsCode, surgery }: { odsCode: string; surgery?: SurgeryView }) {
  return (
    <span data-testid="record-gp-surgery">
      {surgery?.name && (
        <>
          {surgery.name}
          <br />
        </>
      )}
      <span className="nhsuk-u-secondary-text-colour">Surgery code {odsCode}</span>
    </span>
  );
}

/** The rows every record has: who the person is. */
function identityRows(record: NhsRecordView): SummaryListRow[] {
  return [
    { key: "Name", value: record.name?.full ?? NOT_RECORDED },
    {
      key: "Date of birth",
      value: record.birthDate ? formatBirthdate(record.birthDate) : NOT_RECORDED,
    },
    { key: "NHS number", value: formatNhsNumber(record.nhsNumber) },
  ];
}

function Differences({ record }: { record: NhsRecordView }): ReactNode {
  if (record.differences.length === 0) return null;
  return (
    <InsetText>
      <h2 className="nhsuk-heading-s">Some of your details are different in NHS login</h2>
      <p data-testid="record-differences">
        NHS login has a different {describeDifferences(record.differences)} from your NHS record.
      </p>
      <p>
        If your NHS record is wrong or out of date, contact your GP surgery and ask them to update
        it.
      </p>
      {includesLoginContactDetails(record.differences) && (
        <>
          <p>
            If the details you use for NHS login are out of date, you can change them in your NHS
            login settings.
          </p>
          <form action="/auth/settings" method="post">
            <Button variant="secondary">Manage your NHS login</Button>
          </form>
        </>
      )}
    </InsetText>
  );
}

export function RecordDetails({
  record,
  surgery,
}: {
  record: NhsRecordView;
  surgery?: SurgeryView;
}) {
  if (record.restricted) {
    return (
      <>
        <p className="nhsuk-body-l">This is what your NHS record says about you.</p>
        <Differences record={record} />
        <SummaryList rows={identityRows(record)} />
        <InsetText>
          <p data-testid="record-protected">
            Your NHS record has extra protection, so we do not show your address, phone numbers,
            email address or GP surgery online.
          </p>
          <p>
            If you think this is wrong, or you need to update these details, speak to your GP
            surgery.
          </p>
        </InsetText>
      </>
    );
  }
  const rows: SummaryListRow[] = [
    ...identityRows(record),
    {
      key: "Home address",
      value: (
        <LinesOrNotRecorded
          lines={[
            ...(record.homeAddress?.lines ?? []),
            record.homeAddress?.postalCode ?? "",
          ].filter(Boolean)}
          testId="record-address"
        />
      ),
    },
    {
      key: "Phone",
      value: <LinesOrNotRecorded lines={record.phoneNumbers} testId="record-phone" />,
    },
    {
      key: "Email",
      value: <LinesOrNotRecorded lines={record.emailAddresses} testId="record-email" />,
    },
    {
      key: "GP surgery",
      value: record.gpOdsCode ? (
        <GpSurgery odsCode={record.gpOdsCode} {...(surgery ? { surgery } : {})} />
      ) : (
        NOT_RECORDED
      ),
    },
  ];
  return (
    <>
      <p className="nhsuk-body-l">
        This is what your NHS record says about you. GP surgeries, hospitals and other NHS services
        use it to know who you are and how to contact you.
      </p>
      <Differences record={record} />
      <SummaryList rows={rows} />
      <h2>If something is wrong</h2>
      <p>
        Contact your GP surgery to correct anything in your NHS record. They update it for every NHS
        service.
      </p>
    </>
  );
}
