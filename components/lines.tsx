import { Fragment } from "react";

/** Lines of an address or a list, one under another, as one element. */
export function Lines({ lines, testId }: { lines: readonly string[]; testId: string }) {
  return (
    <span data-testid={testId}>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </span>
  );
}
