import { PatientNavigation } from "@/components/patient-navigation";

/** The navigation slot at the start page (see ./[...path]/page.tsx). */
export default function StartNavigation() {
  return <PatientNavigation path="/" />;
}
