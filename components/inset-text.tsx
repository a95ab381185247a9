import type { ReactNode } from "react";

export type InsetTextProps = {
  /** The content, as the macro's `html` option: wrap text in `<p>` yourself. */
  children: ReactNode;
  /** Defaults to "Information". */
  visuallyHiddenText?: string;
};

export function InsetText({ children, visuallyHiddenText = "Information" }: InsetTextProps) {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">{`${visuallyHiddenText}: `}</span>
      {children}
    </div>
  );
}
