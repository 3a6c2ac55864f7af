import { segmentText } from '../../../common/codepoints.js';
import { useT } from '../hooks/useT.js';

/**
 * Text with every invisible character drawn as a ⟦U+200B⟧ placeholder; with `suspect`, non-ASCII
 * characters are singled out as well (they may pass for ASCII look-alikes).
 */
export function VisibleText({ text, suspect = false }: { text: string; suspect?: boolean }) {
  const t = useT();
  return (
    <>
      {segmentText(text, suspect).map((segment, index) => {
        if (segment.kind === 'text') return <span key={index}>{segment.text}</span>;
        if (segment.kind === 'invisible') {
          return (
            <span key={index} className="invisible-char" title={t('visible.invisible', { codePoint: segment.codePoint })}>
              {segment.placeholder}
            </span>
          );
        }
        return (
          <span key={index} className="lookalike-char" title={t('visible.lookalike', { codePoint: segment.codePoint })}>
            {segment.char}
            <sub>{segment.codePoint}</sub>
          </span>
        );
      })}
    </>
  );
}
