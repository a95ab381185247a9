import { PatientNavigation } from "@/components/patient-navigation";

type Props = { params: Promise<{ path: string[] }> };

/**
 * The root layout's navigation slot, which matches every address, so that the header can mark
 * the page being shown: a layout is not told its page's path, a page of a slot is.
 */
export default async function Navigation({ params }: Props) {
  return <PatientNavigation path={`/${(await params).path.join("/")}`} />;
}
