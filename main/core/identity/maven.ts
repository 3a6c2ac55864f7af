/**
 * ~/.m2/settings.xml: the first <mirror> (in <mirrors>) with its url and mirrorOf. A strict
 * streaming XML parser (saxes) reads it in one linear pass: comments and CDATA are handled by the
 * parser, a malformed file (an unclosed <mirror>, a stray "<") is a reason with its position, and no
 * DTD entity is ever expanded.
 */
import { SaxesParser } from 'saxes';
import { fail, ok, type Outcome } from '../context.js';

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
  let problem: string | null = null;
  parser.on('error', (error) => {
    problem ??= error.message;
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
  parser.write(text).close();
  // saxes keeps going after an error; the first one is the useful one. Its message names line and column only.
  if (problem) return fail(`malformed settings.xml: ${(problem as string).split('\n')[0]}`);
  const url = first.url?.trim();
  return ok(url ? { url, mirrorOf: first.mirrorOf?.trim() || null } : null);
}
