import { useState } from 'react';
import { fetchRendering } from './queries';

/**
 * The CSV and the printable page need the session's token, which a plain link
 * does not carry: they are fetched, then saved or opened from memory.
 */
export function useRendering(id: string, language: string) {
  const [busy, setBusy] = useState<'csv' | 'html' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const download = async () => {
    setBusy('csv');
    setError(null);
    try {
      const url = URL.createObjectURL(await fetchRendering(id, 'csv', language));
      const link = document.createElement('a');
      link.href = url;
      link.download = `slussen-report-${id}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  const print = async () => {
    // Opened at once, while the click still counts, and filled when the page arrives.
    const opened = window.open('', '_blank');
    setBusy('html');
    setError(null);
    try {
      const url = URL.createObjectURL(
        new Blob([await (await fetchRendering(id, 'html', language)).text()], { type: 'text/html' }),
      );
      if (opened) opened.location.href = url;
      else window.location.href = url;
    } catch (caught) {
      opened?.close();
      setError(caught);
    } finally {
      setBusy(null);
    }
  };

  return { busy, error, download, print };
}
