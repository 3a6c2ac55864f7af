import type { ReactNode } from 'react';
import type { Tone } from '../lib/exposure.js';

/** A small coloured label; the text always carries the meaning, the colour only repeats it. */
export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge tone-${tone}`} title={title}>
      {children}
    </span>
  );
}
