/**
 * The names of the API's calls and events and the IPC channel prefixes, with no dependencies.
 * api.ts gives each name its zod schemas (and the compiler checks the two lists agree); the
 * Electron preload imports only this file, so its bundle stays a few KB with no zod in it
 * (a sandboxed preload can require nothing but 'electron': everything it uses is bundled in).
 */
export const API_CALL_NAMES = [
  'getSnapshot',
  'getStatus',
  'sampleNow',
  'setPaused',
  'exportSnapshot',
  'diffWithCurrent',
  'getProbes',
  'getHistoryStatus',
  'getHistoryEvents',
  'getTimeline',
  'getEndpoints',
  'getHistoryPoints',
  'diffWithHistory',
  'getSettings',
  'updateSettings',
  'getSettingsStatus',
  'getSelfAudit',
  'whatIf',
] as const;
export const API_EVENT_NAMES = ['snapshot', 'delta', 'status', 'notification', 'settings'] as const;

export type ApiCallNameList = (typeof API_CALL_NAMES)[number];
export type ApiEventNameList = (typeof API_EVENT_NAMES)[number];

/** IPC channels: IPC_CALL_PREFIX + call name (invoke/handle), IPC_EVENT_PREFIX + event name (send/on). */
export const IPC_CALL_PREFIX = 'telltale:call:';
export const IPC_EVENT_PREFIX = 'telltale:event:';
