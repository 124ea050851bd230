import { useEffect, useEffectEvent, useRef, useState, type SetStateAction } from 'react';
import { useMe } from '../../api/session.ts';

const PREFIX = 'discuss:draft:';

/**
 * Set at sign-out until a signed-in composer mounts again: a composer that unmounts because its person
 * signed out must not write the draft back that `forgetDrafts()` just removed.
 */
let forgotten = false;

function read<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  if (forgotten) return;
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the draft simply is not kept.
  }
}

/** At sign-out: every unsent draft on this device goes, so the next person on a shared computer sees none. */
export function forgetDrafts(): void {
  forgotten = true;
  try {
    const keys = Array.from({ length: window.localStorage.length }, (_, i) => window.localStorage.key(i));
    for (const key of keys) if (key?.startsWith(PREFIX)) window.localStorage.removeItem(key);
  } catch {
    // Storage disabled: there is nothing to remove.
  }
}

interface DraftState<T> {
  key: string | null;
  value: T;
  restored: boolean;
}

function start<T extends object>(key: string | null, empty: T): DraftState<T> {
  const saved = key ? read<T>(key) : null;
  return { key, value: saved ? { ...empty, ...saved } : empty, restored: saved !== null };
}

/**
 * State that survives closing the page: kept in this browser's localStorage, per person (their id) and per
 * `name` (a topic, or a community for a new topic), while it differs from `empty`; dropped by `clear()` once
 * sent and by `forgetDrafts()` at sign-out. Guests keep nothing. When the person changes (sign-out, another
 * sign-in) the value starts again from that person's own draft. `restored` tells whether it came from one.
 */
export function useDraft<T extends object>(name: string, empty: T, isEmpty: (value: T) => boolean) {
  const owner = useMe()?.id ?? null;
  const key = owner ? `${owner}:${name}` : null;
  const [state, setState] = useState(() => start(key, empty));
  if (state.key !== key) setState(start(key, empty));
  const latest = useRef(state.value);
  const store = useEffectEvent((next: T) => {
    if (key) write(key, isEmpty(next) ? null : next);
  });

  useEffect(() => {
    if (key) forgotten = false;
  }, [key]);

  useEffect(() => {
    latest.current = state.value;
    const timer = window.setTimeout(() => store(state.value), 400);
    return () => window.clearTimeout(timer);
  }, [state.value]);

  // Closing or leaving the page keeps what was typed in the last moments too.
  useEffect(() => {
    const flush = () => store(latest.current);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key]);

  const setValue = (next: SetStateAction<T>) =>
    setState((s) => ({ ...s, value: typeof next === 'function' ? next(s.value) : next }));

  function clear() {
    latest.current = empty;
    setState((s) => ({ ...s, value: empty }));
    if (key) write(key, null);
  }

  return { value: state.value, setValue, clear, restored: state.restored };
}
