export { BackLink, type BackLinkProps } from "./back-link";
export {
  Button,
  type ButtonLinkProps,
  type ButtonProps,
  type ButtonSubmitProps,
  type ButtonVariant,
} from "./button";
export { Card, type CardHeadingOptions, type CardProps, type CardVariant } from "./card";
export { ErrorSummary, type ErrorSummaryItem, type ErrorSummaryProps } from "./error-summary";
export { Footer, type FooterLink, type FooterProps } from "./footer";
export {
  Header,
  HeaderNavigation,
  type HeaderAccountForm,
  type HeaderAccountItem,
  type HeaderAccountLink,
  type HeaderAccountText,
  type HeaderNavigationItem,
  type HeaderNavigationProps,
  type HeaderProps,
} from "./header";
export { InsetText, type InsetTextProps } from "./inset-text";
export { LoginButton, type LoginButtonProps } from "./login-button";
export { NotificationBanner, type NotificationBannerProps } from "./notification-banner";
export { SkipLink, type SkipLinkProps } from "./skip-link";
export {
  SummaryList,
  type SummaryListAction,
  type SummaryListProps,
  type SummaryListRow,
} from "./summary-list";
export { WarningCallout, type WarningCalloutProps } from "./warning-callout";
