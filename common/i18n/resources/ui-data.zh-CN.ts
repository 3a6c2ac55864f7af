/** Simplified Chinese for the app's views of data: Timeline, Compare (snapshot and diff), Probe, What-if (see core.zh-CN.ts for the terms used). */
import type { uiDataEn } from './ui-data.en.js';

export const uiDataZhCN = {} as const satisfies Record<keyof typeof uiDataEn, string>;
