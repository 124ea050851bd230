import { useId, useRef, useState, type FocusEvent, type MouseEvent, type ReactNode } from 'react';
import { cx } from '../../lib/cx.ts';
import { useDismiss } from '../../lib/use-dismiss.ts';
import { ChevronDownIcon } from './icons.tsx';

interface DropdownProps {
  /** Content of the toggle button; must include text (visible or visually hidden). */
  button: ReactNode;
  children: ReactNode;
  align?: 'start' | 'end';
  className?: string;
}

/**
 * A disclosure menu: a button that shows a panel of links and buttons. Escape, a click outside, focus
 * leaving, or choosing an item closes it.
 */
export function Dropdown({ button, children, align = 'end', className }: DropdownProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useDismiss(open, { close: () => setOpen(false), inside: [rootRef], button: buttonRef });

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
  }

  function onPanelClick(event: MouseEvent<HTMLDivElement>) {
    if ((event.target as HTMLElement).closest('a, button')) setOpen(false);
  }

  return (
    <div className={cx('dropdown', className)} ref={rootRef} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        className="btn btn--quiet"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        {button}
        <ChevronDownIcon />
      </button>
      {/* The panel only reacts to clicks on its own links and buttons, which are keyboard-operable. */}
      <div
        id={panelId}
        className={`dropdown__panel dropdown__panel--${align}`}
        hidden={!open}
        onClick={onPanelClick}
      >
        {children}
      </div>
    </div>
  );
}
