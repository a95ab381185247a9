import type { ReactNode } from "react";
import { CardHeading } from "./card-heading";
import { Icon } from "./icon";
import { type HeadingLevel, type HeadingSize, classNames } from "./shared";

export type CardHeadingOptions = { text: string; level?: HeadingLevel; size?: HeadingSize };

/** Class names written whole, so that the stylesheet build (scripts/nhsuk-stylesheet.mjs) finds them. */
const VARIANT_CLASSES = {
  feature: "nhsuk-card--feature",
  primary: "nhsuk-card--primary",
  secondary: "nhsuk-card--secondary",
} as const;

export type CardVariant = keyof typeof VARIANT_CLASSES;

/** `href` links the heading (not on feature cards); `clickable` makes the whole card clickable. */
type CardLinkProps = { href: string; clickable?: boolean } | { href?: never; clickable?: never };

/** A `description` paragraph, or `children` as the macro's `description.html` option. */
type CardContentProps =
  { description?: string; children?: never } | { children: ReactNode; description?: never };

export type CardProps = {
  /** A string, or the text with a heading level (default 2) and size. */
  heading: string | CardHeadingOptions;
  variant?: CardVariant;
} & CardLinkProps &
  CardContentProps;

export function Card({ heading, variant, href, clickable, description, children }: CardProps) {
  const headingOptions: CardHeadingOptions =
    typeof heading === "string" ? { text: heading } : heading;
  return (
    <div
      className={classNames(
        "nhsuk-card",
        clickable && "nhsuk-card--clickable",
        variant && VARIANT_CLASSES[variant],
      )}
    >
      <div className="nhsuk-card__content">
        <CardHeading
          text={headingOptions.text}
          level={headingOptions.level ?? 2}
          size={headingOptions.size}
          href={variant === "feature" ? undefined : href}
        />
        {children ?? (description && <p className="nhsuk-card__description">{description}</p>)}
        {variant === "primary" && <Icon name="chevron-right-circle" />}
      </div>
    </div>
  );
}
