/**
 * What every page about a problem ends with: the reference that leads an operator to the log
 * line, and where to get medical help meanwhile. Plain markup, so error boundaries can use it.
 */
export function ProblemReference({ reference }: { reference: string }) {
  return (
    <p>
      If you contact us about this, give this reference:{" "}
      <strong data-testid="error-reference">{reference}</strong>
    </p>
  );
}

export function MedicalHelp() {
  return (
    <p>
      If you need medical help, go to <a href="https://111.nhs.uk">111.nhs.uk</a> or{" "}
      <a href="tel:111">call 111</a>.
    </p>
  );
}
