export type BackLinkProps = {
  href: string;
  /** Defaults to "Back". */
  text?: string;
};

export function BackLink({ href, text = "Back" }: BackLinkProps) {
  return (
    <a className="nhsuk-back-link" href={href}>
      {text}
    </a>
  );
}
