export type FooterLink = { href: string; text: string };

export type FooterProps = {
  /** Support links such as accessibility, cookies, privacy and terms. */
  meta?: {
    items: FooterLink[];
    /** Heading for the links, for screen readers. Defaults to "Support links". */
    visuallyHiddenText?: string;
  };
  /** Defaults to "© NHS England". */
  copyright?: string;
};

export function Footer({ meta, copyright = "© NHS England" }: FooterProps) {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          {meta && meta.items.length > 0 && (
            <>
              <h2 className="nhsuk-u-visually-hidden">
                {meta.visuallyHiddenText ?? "Support links"}
              </h2>
              <ul className="nhsuk-footer__list">
                {meta.items.map((item) => (
                  <li className="nhsuk-footer__list-item" key={item.href}>
                    <a className="nhsuk-footer__list-item-link" href={item.href}>
                      {item.text}
                    </a>
                  </li>
                ))}
              </ul>
            </>
          )}
          <p className="nhsuk-body-s">{copyright}</p>
        </div>
      </div>
    </footer>
  );
}
