/**
 * Character-level differences between two strings as hunks with offsets into both, so a change
 * can be shown in context and checked against noise spans. Edits separated by a very short
 * unchanged run ("-11-" in 2026-11-24 -> 2026/11/24) are merged into one readable hunk.
 */
import { diffChars, diffLines, type Change } from 'diff';

export interface Hunk {
  /** [bStart, bEnd) in the baseline string, [vStart, vEnd) in the variant string (UTF-16 offsets). */
  bStart: number;
  bEnd: number;
  vStart: number;
  vEnd: number;
}

/** Unchanged runs of at most this many code units between two edits are absorbed into one hunk. */
const MERGE_GAP = 2;
/** Past this size a character diff costs too much and says little; lines are diffed instead. */
const MAX_DIFF_EDIT = 2000;

/**
 * `keep` drops edits before close ones are merged, so an edit next to noise (an offset beside
 * the seconds of a timestamp) is not swallowed by it.
 */
export function diffHunks(baseline: string, variant: string, keep: (hunk: Hunk) => boolean = () => true): Hunk[] {
  if (baseline === variant) return [];
  // A prompt that gained a paragraph shows as that paragraph, not as the whole prompt.
  const parts = diffChars(baseline, variant, { maxEditLength: MAX_DIFF_EDIT }) ?? diffLines(baseline, variant, { maxEditLength: MAX_DIFF_EDIT });
  if (!parts) return [{ bStart: 0, bEnd: baseline.length, vStart: 0, vEnd: variant.length }].filter(keep);
  return mergeClose(toHunks(parts).filter(keep), baseline);
}

function toHunks(parts: readonly Change[]): Hunk[] {
  const raw: Hunk[] = [];
  let b = 0;
  let v = 0;
  let open: Hunk | null = null;
  for (const part of parts) {
    const len = part.value.length;
    if (!part.added && !part.removed) {
      if (open) raw.push(open);
      open = null;
      b += len;
      v += len;
      continue;
    }
    open ??= { bStart: b, bEnd: b, vStart: v, vEnd: v };
    if (part.removed) {
      b += len;
      open.bEnd = b;
    } else {
      v += len;
      open.vEnd = v;
    }
  }
  if (open) raw.push(open);
  return raw;
}

function mergeClose(hunks: Hunk[], baseline: string): Hunk[] {
  const out: Hunk[] = [];
  for (const hunk of hunks) {
    const last = out.at(-1);
    const gap = last ? baseline.slice(last.bEnd, hunk.bStart) : '';
    if (last && gap.length <= MERGE_GAP && !/\s/.test(gap)) {
      last.bEnd = hunk.bEnd;
      last.vEnd = hunk.vEnd;
    } else {
      out.push({ ...hunk });
    }
  }
  return out;
}
