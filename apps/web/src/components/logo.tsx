/** The DISCUSS mark: two overlapping speech bubbles. Decorative: the name is always written beside it. */
export function LogoMark() {
  return (
    <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect className="brand__mark-bg" width="32" height="32" rx="7" />
      <path
        d="M6 8.5h13a2 2 0 0 1 2 2V17a2 2 0 0 1-2 2h-7l-4.5 3.5V19H6a2 2 0 0 1-2-2v-6.5a2 2 0 0 1 2-2z"
        className="brand__mark-fg"
      />
      <path
        d="M23 12.5h3a2 2 0 0 1 2 2V21a2 2 0 0 1-2 2h-.5v3.5L21 23h-6a2 2 0 0 1-2-2v-.5h6.5A3.5 3.5 0 0 0 23 17v-4.5z"
        className="brand__mark-fg"
        opacity="0.7"
      />
    </svg>
  );
}
