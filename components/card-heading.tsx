import { type HeadingLevel, type HeadingSize, HEADING_SIZE_CLASSES, classNames } from "./shared";

export type CardHeadingProps = {
  text: string;
  level: HeadingLevel;
  size?: HeadingSize;
  /** Makes the heading the card's link. */
  href?: string;
  /** A prefix for screen readers, e.g. "Important"; ignored when `href` is set. */
  visuallyHiddenText?: string;
};

/** The heading shared by cards and warning callouts (the macro's internal `_cardHeading`). */
export function CardHeading({ text, level, size, href, visuallyHiddenText }: CardHeadingProps) {
  const Heading = `h${level}` as const;
  return (
    <Heading className={classNames("nhsuk-card__heading", size && HEADING_SIZE_CLASSES[size])}>
      {href !== undefined ? (
        <a className="nhsuk-card__link" href={href}>
          {text}
        </a>
      ) : visuallyHiddenText ? (
        <span role="text">
          <span className="nhsuk-u-visually-hidden">{`${visuallyHiddenText}: `}</span>
          {text}
        </span>
      ) : (
        text
      )}
    </Heading>
  );
}
