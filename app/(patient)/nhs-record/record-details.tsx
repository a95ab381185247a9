import type { ReactNode } from "react";
import { ContactDetailsHidden } from "@/components/contact-details-hidden";
import { GpSurgeryName } from "@/components/gp-surgery-name";
import { InsetText } from "@/components/inset-text";
import { Lines } from "@/components/lines";
import { ManageNhsLogin, nhsLoginSettings } from "@/components/manage-nhs-login";
import { SummaryList, type SummaryListRow } from "@/components/summary-list";
import type { NhsRecordView, SurgeryView } from "@/lib/nhs-api";
import {
  DETAIL_LABELS,
  formatBirthdate,
  formatNhsNumber,
  formatPhoneNumber,
} from "@/lib/patient-display";
import { describeDifferences, whereToChange } from "./differences";

const NOT_RECORDED = "Not recorded";

function LinesOrNotRecorded({ lines, testId }: { lines: readonly string[]; testId: string }) {
  return lines.length === 0 ? NOT_RECORDED : <Lines lines={lines} testId={testId} />;
}

/** The rows every record has: who the person is. */
function identityRows(record: NhsRecordView): SummaryListRow[] {
  return [
    { key: DETAIL_LABELS.name, value: record.name?.full ?? NOT_RECORDED },
    {
      key: DETAIL_LABELS.birthdate,
      value: record.birthDate ? formatBirthdate(record.birthDate) : NOT_RECORDED,
    },
    { key: DETAIL_LABELS.nhsNumber, value: formatNhsNumber(record.nhsNumber) },
  ];
}

/**
 * Where NHS login holds something else, what to do about it: the NHS record is put right at the
 * GP surgery, and NHS login takes the name, date of birth and GP surgery from it; the phone
 * number and email address are the person's own in NHS login, changed in its settings.
 */
function Differences({ record, inApp }: { record: NhsRecordView; inApp: boolean }): ReactNode {
  if (record.differences.length === 0) return null;
  const { inNhsLogin, atGpSurgery } = whereToChange(record.differences);
  const several = inNhsLogin.length > 1;
  return (
    <InsetText>
      <h2 className="nhsuk-heading-s">Some of your details are different in NHS login</h2>
      <p data-testid="record-differences">
        NHS login has a different {describeDifferences(record.differences)} from your NHS record.
      </p>
      <p>
        If your NHS record is wrong or out of date, contact your GP surgery and ask them to update
        it.
        {atGpSurgery.length > 0 &&
          ` NHS login uses the ${describeDifferences(atGpSurgery)} in your NHS record the next time you log in.`}
      </p>
      {inNhsLogin.length > 0 && (
        <>
          <p data-testid="record-differences-in-nhs-login">
            If the {describeDifferences(inNhsLogin)} you use for NHS login {several ? "are" : "is"}{" "}
            out of date, you can change {several ? "them" : "it"} in {nhsLoginSettings(inApp)}.
          </p>
          <ManageNhsLogin inApp={inApp} />
        </>
      )}
    </InsetText>
  );
}

export function RecordDetails({
  record,
  surgery,
  inApp = false,
}: {
  record: NhsRecordView;
  surgery?: SurgeryView;
  /** Inside the NHS App, which owns the person's NHS login account. */
  inApp?: boolean;
}) {
  if (record.restricted) {
    return (
      <>
        <p className="nhsuk-body-l">This is what your NHS record says about you.</p>
        <Differences record={record} inApp={inApp} />
        <SummaryList rows={identityRows(record)} />
        <div data-testid="record-protected">
          <ContactDetailsHidden
            because="restricted"
            what="address, phone numbers, email address or GP surgery"
            returnTo="/nhs-record"
          />
        </div>
      </>
    );
  }
  const rows: SummaryListRow[] = [
    ...identityRows(record),
    {
      key: DETAIL_LABELS.address,
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
      key: DETAIL_LABELS.phone,
      value: (
        <LinesOrNotRecorded
          lines={record.phoneNumbers.map(formatPhoneNumber)}
          testId="record-phone"
        />
      ),
    },
    {
      key: DETAIL_LABELS.email,
      value: <LinesOrNotRecorded lines={record.emailAddresses} testId="record-email" />,
    },
    {
      key: DETAIL_LABELS.gpSurgery,
      value: record.gpOdsCode ? (
        <GpSurgeryName name={surgery?.name} code={record.gpOdsCode} testId="record-gp-surgery" />
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
      <Differences record={record} inApp={inApp} />
      <SummaryList rows={rows} />
      <h2>If something is wrong</h2>
      <p>
        Contact your GP surgery to correct anything in your NHS record. They update it for every NHS
        service.
      </p>
    </>
  );
}
