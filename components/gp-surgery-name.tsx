import { DETAIL_LABELS } from "@/lib/patient-display";

export type GpSurgeryNameProps = {
  /** From the Organisation Data Service; without it the code is shown alone. */
  name?: string | undefined;
  code: string;
  testId?: string;
  nameTestId?: string;
};

/** A GP surgery as every page names it: its name over its code, which help desks ask for. */
export function GpSurgeryName({ name, code, testId, nameTestId }: GpSurgeryNameProps) {
  return (
    <span data-testid={testId}>
      {name && (
        <>
          <span data-testid={nameTestId}>{name}</span>
          <br />
        </>
      )}
      <span className="nhsuk-u-secondary-text-colour">
        {DETAIL_LABELS.gpSurgeryCode} {code}
      </span>
    </span>
  );
}
