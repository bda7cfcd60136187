import { useCallback, useRef, useState } from 'react';

/**
 * A form that sends once: while one submit is on its way, another (a double
 * click, Enter pressed twice) is ignored. The ref answers at once, within the
 * same frame; `sending` lets the button say that it is sending.
 */
export function useSubmitOnce() {
  const busy = useRef(false);
  const [sending, setSending] = useState(false);
  const run = useCallback(async (send: () => Promise<unknown>): Promise<void> => {
    if (busy.current) return;
    busy.current = true;
    setSending(true);
    try {
      await send();
    } finally {
      busy.current = false;
      setSending(false);
    }
  }, []);
  return { sending, run };
}
