import type { ReactNode } from 'react';

/** A table that may scroll: a labelled region, focusable so keyboard users can scroll it too (axe: scrollable-region-focusable). */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-box" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
