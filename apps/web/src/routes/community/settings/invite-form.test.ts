import { describe, expect, it } from 'vitest';
import { parseEmails } from './invite-form.tsx';

describe('parseEmails', () => {
  it('reads addresses one per line or separated by commas and semicolons, once each', () => {
    expect(
      parseEmails('ada@example.org\nGrace@Example.org, ada@example.org;  <lin@example.org>\n\n'),
    ).toEqual({
      emails: ['ada@example.org', 'grace@example.org', 'lin@example.org'],
      invalid: [],
    });
  });

  it('lists what is not an address', () => {
    expect(parseEmails('ada@example.org, not-an-address, x@y')).toEqual({
      emails: ['ada@example.org'],
      invalid: ['not-an-address', 'x@y'],
    });
  });
});
