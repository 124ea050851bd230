import { useEffect } from 'react';

/**
 * While a disclosure (menu, panel) is open, closes it on a pointer press outside `inside` and on Escape,
 * with focus back on its button after Escape. `ownsEscape` lets an open menu inside it take the first
 * Escape. The listeners are set again whenever the arguments change: disclosures re-render rarely.
 */
export function useDismiss(
  open: boolean,
  opts: {
    close: () => void;
    inside: readonly React.RefObject<Node | null>[];
    button: React.RefObject<HTMLElement | null>;
    ownsEscape?: () => boolean;
  },
): void {
  const { close, inside, button, ownsEscape } = opts;
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!inside.some((ref) => ref.current?.contains(target))) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || (ownsEscape && !ownsEscape())) return;
      close();
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open, close, inside, button, ownsEscape]);
}
