/** Extra attributes, as the macros' `attributes` option; limited to data and ARIA attributes. */
export type Attributes = { [name: `data-${string}` | `aria-${string}`]: string };

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6;

export type HeadingSize = "xxs" | "xs" | "s" | "m" | "l" | "xl";

/** Joins class names, skipping empty ones. */
export const classNames = (...names: (string | false | undefined)[]): string =>
  names.filter(Boolean).join(" ");
