import type { Section } from './keys.ts';

/**
 * The strings load in bundles of top-level sections, each language separately (see vite.config.ts): the
 * shell before the first render, the others when a page that needs them loads (`page()` in src/router.tsx).
 * Every section is in exactly one bundle; route-strings.test.ts checks that every page loads what it uses.
 */
export const BUNDLES = {
  shell: [
    'common',
    'header',
    'nav',
    'theme',
    'footer',
    'forms',
    'fields',
    'validation',
    'errors',
    'links',
    'notFound',
    'forbidden',
    'routeError',
  ],
  landing: ['landing'],
  account: [
    'signIn',
    'signUp',
    'resend',
    'checkEmail',
    'verifyEmail',
    'forgotPassword',
    'resetPassword',
    'confirmEmail',
    'password',
    'setup',
    'settings',
  ],
  community: ['community', 'communities', 'people'],
  membership: ['membership', 'invitations', 'invitation', 'lifecycle'],
  groups: ['groups', 'communityForm'],
  discussions: ['discussions', 'composer', 'poll'],
  admin: [
    'admin',
    'adminAreas',
    'adminCommunities',
    'createCommunity',
    'communitySettings',
    'cover',
    'picker',
  ],
} as const satisfies Record<string, readonly Section[]>;

export type Bundle = keyof typeof BUNDLES;
