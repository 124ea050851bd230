import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupI18n } from '../../test/render.tsx';
import { PasswordField } from './password-field.tsx';
import { TextField } from './text-field.tsx';

beforeAll(setupI18n);

describe('TextField', () => {
  it('ties the visible label, hint and error to the input', () => {
    render(
      <TextField
        id="email"
        label="E-mail address"
        hint="We never share it."
        error="Enter your e-mail address"
        value=""
        onChange={() => {}}
      />,
    );
    const input = screen.getByLabelText('E-mail address');
    expect(input.id).toBe('email');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (input.getAttribute('aria-describedby') ?? '').split(' ');
    const texts = describedBy.map((id) => document.getElementById(id)?.textContent);
    expect(texts).toEqual(['We never share it.', 'Error: Enter your e-mail address']);
  });

  it('is not marked invalid without an error', () => {
    render(<TextField id="name" label="Name" value="" onChange={() => {}} />);
    const input = screen.getByLabelText('Name');
    expect(input.hasAttribute('aria-invalid')).toBe(false);
    expect(input.hasAttribute('aria-describedby')).toBe(false);
  });
});

describe('PasswordField', () => {
  it('shows and hides the password', () => {
    render(
      <PasswordField
        id="pw"
        label="Password"
        autoComplete="current-password"
        value="s3cret"
        onChange={() => {}}
      />,
    );
    const input = screen.getByLabelText('Password');
    expect(input.getAttribute('type')).toBe('password');
    screen.getByRole('button', { name: 'Show password' }).click();
    return Promise.resolve().then(() => {
      expect(screen.getByLabelText('Password').getAttribute('type')).toBe('text');
    });
  });
});
