import type en from './en.json';

/** Top-level sections of the strings (en.json is the source language: its shape is the contract). */
export type Section = keyof typeof en;

type Leaves<T, P extends string> = T extends string
  ? P
  : { [K in keyof T & string]: Leaves<T[K], P extends '' ? K : `${P}.${K}`> }[keyof T & string];

/** `topic.replies_one` and `topic.replies_other` are both asked for as `topic.replies` (with `count`). */
type WithoutPlural<K> = K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}`
  ? Base
  : K;

/** Every key of en.json, dotted: `t('no.such.key')` does not compile. */
export type TranslationKey = WithoutPlural<Leaves<typeof en, ''>>;

export interface TOptions {
  /** Picks the plural form (`key_one`, `key_other`…) by the language's rules, and fills `{{count}}`. */
  count?: number;
  /** Returned (interpolated) when the key has no string. */
  defaultValue?: string;
  /** Values for `{{name}}` placeholders. Not HTML-escaped: React escapes what it renders. */
  [name: string]: string | number | null | undefined;
}

export type TFunction = (key: TranslationKey, options?: TOptions) => string;

/** A language's strings, or the part of them loaded so far. */
export interface Strings {
  [key: string]: string | Strings;
}
