import { useEffect } from 'react';

export const PLATFORM_NAME = 'DISCUSS';

/** Set the tab title: "Page – DISCUSS", or the given text alone when `bare`. */
export function useDocumentTitle(title: string, bare = false): void {
  useEffect(() => {
    document.title = bare ? title : `${title} – ${PLATFORM_NAME}`;
  }, [title, bare]);
}
