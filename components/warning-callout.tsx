import type { ReactNode } from "react";
import { CardHeading } from "./card-heading";
import type { HeadingLevel } from "./shared";

/** A `text` paragraph, or `children` as the macro's `html` option. */
type WarningCalloutContentProps =
  { text: string; children?: never } | { children: ReactNode; text?: never };

export type WarningCalloutProps = {
  /** A string, or the text with a heading level (default 3). */
  heading: string | { text: string; level?: HeadingLevel };
  /** Screen-reader prefix for headings that don't say "important". Defaults to "Important". */
  visuallyHiddenText?: string;
} & WarningCalloutContentProps;

export function WarningCallout({
  heading,
  visuallyHiddenText = "Important",
  text,
  children,
}: WarningCalloutProps) {
  const { text: headingText, level = 3 } =
    typeof heading === "string" ? { text: heading } : heading;
  const saysImportant = headingText.includes("Important") || headingText.includes("important");
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <CardHeading
          text={headingText}
          level={level}
          visuallyHiddenText={saysImportant ? undefined : visuallyHiddenText}
        />
        {children ?? <p className="nhsuk-card__description">{text}</p>}
      </div>
    </div>
  );
}
