/** Simplified Chinese, joined from the parts that mirror en.ts's. */
import { cliZhCN } from './cli.zh-CN.js';
import { coreZhCN } from './core.zh-CN.js';
import type { MessageKey } from './en.js';
import { reasonZhCN } from './reason.zh-CN.js';
import { uiConnectionsZhCN } from './ui-connections.zh-CN.js';
import { uiDataZhCN } from './ui-data.zh-CN.js';
import { uiShellZhCN } from './ui-shell.zh-CN.js';

export const zhCN = { ...coreZhCN, ...uiShellZhCN, ...uiDataZhCN, ...uiConnectionsZhCN, ...cliZhCN, ...reasonZhCN } as const satisfies Record<MessageKey, string>;
