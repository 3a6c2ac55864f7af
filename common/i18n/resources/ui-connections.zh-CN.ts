/** Simplified Chinese for the Connections view (see core.zh-CN.ts for the terms used). */
import type { uiConnectionsEn } from './ui-connections.en.js';

export const uiConnectionsZhCN = {} as const satisfies Record<keyof typeof uiConnectionsEn, string>;
