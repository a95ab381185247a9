/** Each icon's path, and its class name written whole for the stylesheet build. */
const icons = {
  user: {
    className: "nhsuk-icon--user",
    path: "M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z",
  },
  "chevron-right-circle": {
    className: "nhsuk-icon--chevron-right-circle",
    path: "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20Zm-.3 5.8a1 1 0 1 0-1.5 1.4l2.9 2.8-2.9 2.8a1 1 0 0 0 1.5 1.4l3.5-3.5c.4-.4.4-1 0-1.4Z",
  },
} as const;

export type IconName = keyof typeof icons;

/** Decorative inline SVG icon, as nhsuk-frontend's `nhsukIcon` macro renders it without a title. */
export function Icon({ name }: { name: IconName }) {
  const { className, path } = icons[name];
  return (
    <svg
      className={`nhsuk-icon ${className}`}
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 24 24"
      width="16"
      height="16"
      focusable="false"
      aria-hidden="true"
    >
      <path d={path} />
    </svg>
  );
}
