/**
 * ~/.m2/settings.xml: the first <mirror> (in <mirrors>) with its url and mirrorOf. A strict
 * streaming XML parser (saxes) reads it in one linear pass: comments and CDATA are handled by the
 * parser, a malformed file (an unclosed <mirror>, a stray "<") is a reason with its position, and no
 * DTD entity is ever expanded.
 */
import { SaxesParser } from 'saxes';
import { fail, ok, type Outcome } from '../context.js';
import { excerpt } from '../excerpt.js';

export interface MavenMirror {
  url: string;
  mirrorOf: string | null;
}

export function parseMavenSettings(text: string): Outcome<MavenMirror | null> {
  const parser = new SaxesParser({ position: true });
  // Element names from the root down; the text of the first mirror's url and mirrorOf.
  const open: string[] = [];
  const first: { url?: string; mirrorOf?: string } = {};
  let inFirstMirror = false;
  let done = false;
  // saxes would go on after an error (and report each of 100 000 unclosed tags): the first one ends it.
  const stop = new Error('stop');
  let problem: string | null = null;
  parser.on('error', (error) => {
    problem = error.message;
    throw stop;
  });
  parser.on('opentag', (tag) => {
    if (!done && tag.name === 'mirror' && open.at(-1) === 'mirrors') inFirstMirror = true;
    open.push(tag.name);
  });
  parser.on('closetag', (tag) => {
    open.pop();
    if (inFirstMirror && tag.name === 'mirror') {
      inFirstMirror = false;
      done = true;
    }
  });
  const onText = (value: string) => {
    const field = open.at(-1);
    if (inFirstMirror && open.at(-2) === 'mirror' && (field === 'url' || field === 'mirrorOf')) first[field] = (first[field] ?? '') + value;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  try {
    parser.write(text).close();
  } catch (error) {
    if (error !== stop) throw error;
  }
  // Its message names the line and column, and at most a tag or entity name.
  if (problem !== null) return fail({ id: 'reason.config.unparsable', format: 'settings.xml', detail: excerpt((problem as string).split('\n')[0] ?? '') });
  const url = first.url?.trim();
  return ok(url ? { url, mirrorOf: first.mirrorOf?.trim() || null } : null);
}
