import type { ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';

export interface NavTabItem {
  to: string;
  label: ReactNode;
  /** Only the exact path marks this tab current (for the first, "home" tab). */
  end?: boolean;
  /** Another path whose pages belong to this tab too (a community's tag pages are in its discussions). */
  also?: string;
}

/**
 * Sections of a page that have their own URL: links styled as tabs, the current one marked with
 * aria-current. (ARIA tabs are for panels switched in place; these are navigations.)
 */
export function NavTabs({ items, label }: { items: readonly NavTabItem[]; label: string }) {
  const { pathname } = useLocation();
  const under = (path: string | undefined) =>
    path !== undefined && (pathname === path || pathname.startsWith(`${path}/`));
  return (
    <nav className="nav-tabs" aria-label={label}>
      <ul className="nav-tabs__list">
        {items.map((item) => (
          <li key={item.to}>
            {under(item.also) ? (
              <Link className="nav-tabs__tab" to={item.to} aria-current="page" preventScrollReset>
                {item.label}
              </Link>
            ) : (
              <NavLink className="nav-tabs__tab" to={item.to} end={item.end} preventScrollReset>
                {item.label}
              </NavLink>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
