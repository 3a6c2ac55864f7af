/** Simplified Chinese for the app's frame and its views of findings: header, navigation, Overview, Apps and a tool's page, Signals, Settings, notices (see core.zh-CN.ts for the terms used). */
import type { uiShellEn } from './ui-shell.en.js';

export const uiShellZhCN = {} as const satisfies Record<keyof typeof uiShellEn, string>;
