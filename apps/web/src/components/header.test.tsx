import { fireEvent, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderPage, setupI18n } from '../test/render.tsx';
import { Header } from './header.tsx';

beforeAll(setupI18n);

function renderHeader() {
  const onLocaleChange = vi.fn();
  const onThemeChange = vi.fn();
  renderPage(
    <>
      <Header
        user={null}
        setupRequired={false}
        locale="en"
        onLocaleChange={onLocaleChange}
        theme="system"
        onThemeChange={onThemeChange}
        onSignOut={() => {}}
      />
      <main>
        <p>Page content</p>
      </main>
    </>,
  );
  return { onLocaleChange, onThemeChange };
}

const menuButton = () => screen.getByRole('button', { name: 'Menu' });
const isOpen = () => menuButton().getAttribute('aria-expanded') === 'true';

function openMenu() {
  fireEvent.click(menuButton());
  expect(isOpen()).toBe(true);
}

describe('Header phone menu', () => {
  it('closes on Escape with focus on the Menu button, keeping focus there', () => {
    renderHeader();
    openMenu();
    menuButton().focus();
    fireEvent.keyDown(menuButton(), { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(menuButton());
  });

  it('closes on Escape from inside the menu and returns focus to the Menu button', () => {
    renderHeader();
    openMenu();
    const link = screen.getByRole('link', { name: 'Communities' });
    link.focus();
    fireEvent.keyDown(link, { key: 'Escape' });
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(menuButton());
  });

  it('lets an open theme menu inside take the first Escape', () => {
    renderHeader();
    openMenu();
    const theme = screen.getByRole('button', { name: /^Theme/ });
    fireEvent.click(theme);
    expect(theme.getAttribute('aria-expanded')).toBe('true');
    fireEvent.keyDown(theme, { key: 'Escape' });
    expect(theme.getAttribute('aria-expanded')).toBe('false');
    expect(isOpen()).toBe(true);
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' });
    expect(isOpen()).toBe(false);
  });

  it('closes once a language is chosen', () => {
    const { onLocaleChange } = renderHeader();
    openMenu();
    fireEvent.change(screen.getByRole('combobox', { name: 'Language' }), { target: { value: 'fr' } });
    expect(onLocaleChange).toHaveBeenCalledWith('fr');
    expect(isOpen()).toBe(false);
    expect(document.activeElement).toBe(menuButton());
  });

  it('closes once a theme is chosen', () => {
    const { onThemeChange } = renderHeader();
    openMenu();
    fireEvent.click(screen.getByRole('button', { name: /^Theme/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Dark' }));
    expect(onThemeChange).toHaveBeenCalledWith('dark');
    expect(isOpen()).toBe(false);
  });

  it('closes when a link is followed, even to the page already shown', () => {
    renderHeader();
    openMenu();
    fireEvent.click(screen.getByRole('link', { name: 'Home' }));
    expect(isOpen()).toBe(false);
  });

  it('closes on a click outside it, but not on a click inside it', () => {
    renderHeader();
    openMenu();
    fireEvent.pointerDown(screen.getByRole('navigation', { name: 'Main' }));
    expect(isOpen()).toBe(true);
    fireEvent.pointerDown(screen.getByText('Page content'));
    expect(isOpen()).toBe(false);
  });
});
