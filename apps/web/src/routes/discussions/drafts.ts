import { useEffect, useEffectEvent, useRef, useState } from 'react';

const PREFIX = 'discuss:draft:';

function read<T>(key: string): T | null {
  try {
    const raw = window.localStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === null) window.localStorage.removeItem(PREFIX + key);
    else window.localStorage.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // Storage full or disabled (private mode): the draft simply is not kept.
  }
}

/**
 * State that survives closing the page: kept in this browser's localStorage under `key` (per topic, or per
 * community for a new topic) while it differs from `empty`, and dropped by `clear()` once sent.
 * `restored` tells whether the initial value came from a saved draft.
 */
export function useDraft<T extends object>(key: string, empty: T, isEmpty: (value: T) => boolean) {
  const [state] = useState(() => {
    const saved = read<T>(key);
    return { initial: saved ? { ...empty, ...saved } : empty, restored: saved !== null };
  });
  const [value, setValue] = useState<T>(state.initial);
  const latest = useRef(value);
  const store = useEffectEvent((next: T) => write(key, isEmpty(next) ? null : next));

  useEffect(() => {
    latest.current = value;
    const timer = window.setTimeout(() => store(value), 400);
    return () => window.clearTimeout(timer);
  }, [value]);

  // Closing or leaving the page keeps what was typed in the last moments too.
  useEffect(() => {
    const flush = () => store(latest.current);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [key]);

  function clear() {
    latest.current = empty;
    setValue(empty);
    write(key, null);
  }

  return { value, setValue, clear, restored: state.restored };
}
