/**
 * The NHS.UK typeface (Frutiger, regular and bold) that nhsuk-frontend's stylesheet loads from
 * assets.nhs.uk. The layout asks the browser for them with the page, instead of after the
 * stylesheet has arrived, so text appears in the right font sooner.
 */
export const NHSUK_FONTS = [
  "https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2",
  "https://assets.nhs.uk/fonts/FrutigerLTW01-65Bold.woff2",
] as const;
