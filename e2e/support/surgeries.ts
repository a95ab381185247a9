import { odsOrganizationSchema } from "../../lib/nhs-api/fhir";
import { surgeryView, type SurgeryView } from "../../lib/nhs-api/surgery-view";
import { surgery } from "../../simulator/api-platform/organisations";

/** What the portal shows of the surgery the simulator makes up for an ODS code. */
export function expectedSurgery(code: string, { closed = false } = {}): SurgeryView {
  return surgeryView(odsOrganizationSchema.parse(surgery(code, closed)));
}
