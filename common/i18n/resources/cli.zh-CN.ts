/** Simplified Chinese for the text CLI, the exported reports (Markdown, HTML) and the tray (see core.zh-CN.ts for the terms used). */
import type { cliEn } from './cli.en.js';

export const cliZhCN = {} as const satisfies Record<keyof typeof cliEn, string>;
