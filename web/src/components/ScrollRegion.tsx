import type { ReactNode } from 'react';

/**
 * A wide table's horizontal scroller that keyboard users can reach: focusable and named, as a scrollable region
 * without focusable content must be (axe: scrollable-region-focusable). Put the table inside without `scroll`.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="kc-scroll" style={{ overflowX: 'auto' }}>
      {children}
    </div>
  );
}
