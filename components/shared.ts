/** Extra attributes, as the macros' `attributes` option; limited to data and ARIA attributes. */
export type Attributes = { [name: `data-${string}` | `aria-${string}`]: string };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

/** Class names written whole, so that the stylesheet build (scripts/nhsuk-stylesheet.mjs) finds them. */
export const HEADING_SIZE_CLASSES = {
  xxs: "nhsuk-heading-xxs",
  xs: "nhsuk-heading-xs",
  s: "nhsuk-heading-s",
  m: "nhsuk-heading-m",
  l: "nhsuk-heading-l",
  xl: "nhsuk-heading-xl",
} as const;

export type HeadingSize = keyof typeof HEADING_SIZE_CLASSES;

/** Joins class names, skipping empty ones. */
export const classNames = (...names: (string | false | undefined)[]): string =>
  names.filter(Boolean).join(" ");
