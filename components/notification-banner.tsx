import type { ReactNode } from "react";
import { classNames } from "./shared";

export type NotificationBannerProps = {
  /** "success" styles the banner green and makes it an alert that nhsuk-frontend's JS focuses. */
  variant?: "success";
  /**
   * The title bar text (defaults to "Important", or "Success" for the success variant), or the
   * text with an `id`; give each banner on a page its own id.
   */
  title?: string | { text?: string; id?: string };
  heading?: string;
  /** Content below the heading, as the macro's `html` option. */
  children?: ReactNode;
};

export function NotificationBanner({ variant, title, heading, children }: NotificationBannerProps) {
  const { text: titleText, id: titleId = "nhsuk-notification-banner-title" } =
    typeof title === "string" ? { text: title } : (title ?? {});
  const success = variant === "success";
  return (
    <div
      className={classNames(
        "nhsuk-notification-banner",
        success && "nhsuk-notification-banner--success",
      )}
      data-module="nhsuk-notification-banner"
      role={success ? "alert" : "region"}
      aria-labelledby={titleId}
    >
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {titleText ?? (success ? "Success" : "Important")}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        {heading && <h3 className="nhsuk-notification-banner__heading">{heading}</h3>}
        {children}
      </div>
    </div>
  );
}
