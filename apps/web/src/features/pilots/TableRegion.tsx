import type { ReactNode } from 'react';

/** A table that scrolls sideways on its own on a narrow screen, reachable and named for keyboard and screen readers. */
export function TableRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
