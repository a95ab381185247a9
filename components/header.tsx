import type { ReactNode } from "react";
import { Icon } from "./icon";
import { NhsLogo } from "./nhs-logo";
import { classNames } from "./shared";

type AccountItemContent = {
  text: string;
  /** Shows the user icon before the text. */
  icon?: boolean;
};

/** Plain text, e.g. the signed-in user's name. */
export type HeaderAccountText = AccountItemContent & { href?: never; action?: never };

export type HeaderAccountLink = AccountItemContent & { href: string; action?: never };

/** A button in its own form, e.g. log out. */
export type HeaderAccountForm = AccountItemContent & {
  href?: never;
  action: string;
  /** Defaults to "post". */
  method?: "get" | "post";
  /**
   * Hidden inputs (name to value) such as a CSRF token. Not a macro option: the macro's form
   * holds only its button, so these are the one addition to its markup.
   */
  hiddenInputs?: Record<string, string>;
};

export type HeaderAccountItem = HeaderAccountText | HeaderAccountLink | HeaderAccountForm;

export type HeaderNavigationItem = {
  href: string;
  text: string;
  /** The link is to the page being shown. */
  current?: boolean;
  /** The page being shown is in this link's section. */
  active?: boolean;
};

export type HeaderProps = {
  /** The service name, linked together with the NHS logo. */
  service: { text: string; href: string };
  /** Omit when logged out: no account area is rendered. */
  account?: { items: HeaderAccountItem[] };
  /** The navigation below the service name: a `HeaderNavigation`. */
  children?: ReactNode;
};

export type HeaderNavigationProps = {
  items: HeaderNavigationItem[];
  /** Defaults to "Menu". */
  ariaLabel?: string;
};

export function Header({ service, account, children }: HeaderProps) {
  return (
    <header className="nhsuk-header" data-module="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <a
            className="nhsuk-header__service-logo"
            href={service.href}
            aria-label={`NHS ${service.text} homepage`}
          >
            <NhsLogo />
            <span className="nhsuk-header__service-name">{service.text}</span>
          </a>
        </div>
        {account && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              {account.items.map((item, index) => (
                <li className="nhsuk-header__account-item" key={index}>
                  <AccountItem item={item} />
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
      {children}
    </header>
  );
}

/**
 * The service's sections, as the macro's `navigation` option renders them. nhsuk-frontend's
 * JavaScript moves those that do not fit behind its "More" button; without it they wrap.
 */
export function HeaderNavigation({ items, ariaLabel = "Menu" }: HeaderNavigationProps) {
  if (items.length === 0) return null;
  return (
    <nav className="nhsuk-header__navigation" aria-label={ariaLabel}>
      <div className="nhsuk-header__navigation-container nhsuk-width-container">
        <ul className="nhsuk-header__navigation-list">
          {items.map((item) => {
            const marked = item.current || item.active;
            return (
              <li
                className={classNames(
                  "nhsuk-header__navigation-item",
                  marked && "nhsuk-header__navigation-item--current",
                )}
                key={item.href}
              >
                <a
                  className="nhsuk-header__navigation-link"
                  href={item.href}
                  aria-current={item.current ? "page" : item.active ? "true" : undefined}
                >
                  {marked ? (
                    <strong className="nhsuk-header__navigation-item-current-fallback">
                      {item.text}
                    </strong>
                  ) : (
                    item.text
                  )}
                </a>
              </li>
            );
          })}
          <li className="nhsuk-header__menu" hidden>
            <button
              className="nhsuk-header__menu-toggle nhsuk-header__navigation-link"
              id="toggle-menu"
              aria-expanded="false"
            >
              <span className="nhsuk-u-visually-hidden">Browse </span>More
            </button>
          </li>
        </ul>
      </div>
    </nav>
  );
}

function AccountItem({ item }: { item: HeaderAccountItem }) {
  const content = (
    <>
      {item.icon && <Icon name="user" />}
      {item.text}
    </>
  );
  if (item.href !== undefined) {
    return (
      <a className="nhsuk-header__account-link" href={item.href}>
        {content}
      </a>
    );
  }
  if (item.action !== undefined) {
    return (
      <form
        className="nhsuk-header__account-form"
        action={item.action}
        method={item.method ?? "post"}
        noValidate
      >
        {Object.entries(item.hiddenInputs ?? {}).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <button className="nhsuk-header__account-button">{content}</button>
      </form>
    );
  }
  return content;
}
