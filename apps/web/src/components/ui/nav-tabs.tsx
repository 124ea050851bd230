import type { ReactNode } from 'react';
import { NavLink } from 'react-router';

export interface NavTabItem {
  to: string;
  label: ReactNode;
  /** Only the exact path marks this tab current (for the first, "home" tab). */
  end?: boolean;
}

/**
 * Sections of a page that have their own URL: links styled as tabs, the current one marked with
 * aria-current. (ARIA tabs are for panels switched in place; these are navigations.)
 */
export function NavTabs({ items, label }: { items: readonly NavTabItem[]; label: string }) {
  return (
    <nav className="nav-tabs" aria-label={label}>
      <ul className="nav-tabs__list">
        {items.map((item) => (
          <li key={item.to}>
            <NavLink className="nav-tabs__tab" to={item.to} end={item.end} preventScrollReset>
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
