/**
 * English, the reference language, joined from its parts (one per area, so each is edited on its
 * own). Every key has a Chinese twin in the matching *.zh-CN.ts; the type and a unit test see to it.
 */
import { catalogEn } from './catalog.en.js';
import { cliEn } from './cli.en.js';
import { cliHelpEn } from './cli-help.en.js';
import { coreEn } from './core.en.js';
import { notifyEn } from './notify.en.js';
import { probeEn } from './probe.en.js';
import { reasonEn } from './reason.en.js';
import { uiConnectionsEn } from './ui-connections.en.js';
import { uiDataEn } from './ui-data.en.js';
import { uiShellEn } from './ui-shell.en.js';

/** The parts, for the test that no key is in two of them (a spread would keep only the last). */
export const EN_PARTS = { core: coreEn, uiShell: uiShellEn, uiData: uiDataEn, uiConnections: uiConnectionsEn, cli: cliEn, cliHelp: cliHelpEn, catalog: catalogEn, notify: notifyEn, probe: probeEn, reason: reasonEn } as const;

export const en = { ...coreEn, ...uiShellEn, ...uiDataEn, ...uiConnectionsEn, ...cliEn, ...cliHelpEn, ...catalogEn, ...notifyEn, ...probeEn, ...reasonEn } as const;

export type MessageKey = keyof typeof en;
