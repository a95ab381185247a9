export type SkipLinkProps = {
  /** Defaults to `#maincontent`. */
  href?: string;
  /** Defaults to "Skip to main content". */
  text?: string;
};

export function SkipLink({ href = "#maincontent", text = "Skip to main content" }: SkipLinkProps) {
  return (
    <a className="nhsuk-skip-link" data-module="nhsuk-skip-link" href={href}>
      {text}
    </a>
  );
}
