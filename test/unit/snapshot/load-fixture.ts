import { readFileSync } from 'node:fs';
import { Snapshot } from '../../../contract/snapshot.js';

export const fixturePath = (name: string): string =>
  new URL(`../../fixtures/snapshot/${name}`, import.meta.url).pathname;

export const fixtureText = (name: string): string => readFileSync(fixturePath(name), 'utf8');

/** A fixture snapshot, parsed by the contract (so a broken fixture fails loudly). */
export const loadSnapshot = (name: string): Snapshot => Snapshot.parse(JSON.parse(fixtureText(name)));
