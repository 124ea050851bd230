import { useEffect, useState } from 'react';
import { currentLocale } from '../../i18n/i18n.ts';
import { formatDateTime, formatRelative } from '../../lib/format.ts';

/** "5 minutes ago", refreshed every minute; the exact date and time on hover and in `dateTime`. */
export function TimeAgo({ iso }: { iso: string }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  const locale = currentLocale();
  return (
    <time dateTime={iso} title={formatDateTime(iso, locale)}>
      {formatRelative(iso, locale, now)}
    </time>
  );
}
