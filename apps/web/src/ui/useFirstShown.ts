import { useRef, useState, type RefObject } from 'react';

/**
 * A long list of what is over (completed pilots, closed ideas): the first few,
 * and the rest on request. Showing the rest moves focus to the link of the first
 * item it revealed, so a keyboard or screen-reader user carries on from there
 * (the button that had focus is gone).
 */
export function useFirstShown<T>(items: T[], first: number) {
  const [all, setAll] = useState(false);
  const firstOfRest = useRef<HTMLAnchorElement>(null);
  const shown = all ? items : items.slice(0, first);
  return {
    shown,
    hidden: items.length - shown.length,
    /** The ref for the link of the item at this index: the one that takes focus when the rest is shown. */
    linkRef: (index: number): RefObject<HTMLAnchorElement | null> | undefined =>
      index === first ? firstOfRest : undefined,
    showRest: () => {
      setAll(true);
      requestAnimationFrame(() => firstOfRest.current?.focus());
    },
  };
}
