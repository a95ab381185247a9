import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { requestReference } from "@/lib/log";
import type { ApiResult, SurgeryView } from "@/lib/nhs-api";
import { readNhsRecord, readSurgery } from "@/lib/nhs-record";
import { requireAccess } from "@/lib/page-access";
import { patientPage, purposeSentence } from "@/lib/patient-pages";
import { RecordDetails } from "./record-details";
import { RecordProblem } from "./record-problem";

const PAGE = patientPage("/nhs-record");
export const metadata: Metadata = { title: PAGE.title, description: purposeSentence(PAGE) };

/**
 * The person's details as the Personal Demographics Service holds them, read as the person
 * through NHS England's API platform (docs/nhs-apis.md). Whatever the platform answers, this is
 * a page of the portal: a failure is a message in it, with a reference in the log.
 */
export default async function NhsRecordPage() {
  const active = await requireAccess(PAGE.path);
  const reference = requestReference();
  const record = await readNhsRecord(active, reference);
  let surgery: ApiResult<SurgeryView> | undefined;
  if (record.ok && !record.value.restricted && record.value.gpOdsCode) {
    // Only the surgery's name is added; without it the code is shown alone.
    surgery = await readSurgery(record.value.gpOdsCode, reference);
  }
  return (
    <PageMain heading={PAGE.title}>
      {record.ok ? (
        <RecordDetails
          record={record.value}
          {...(surgery?.ok ? { surgery: surgery.value } : {})}
          inApp={await insideNhsApp()}
        />
      ) : (
        <RecordProblem failure={record.failure} reference={reference} />
      )}
    </PageMain>
  );
}
