/** Simplified Chinese, joined from the parts that mirror en.ts's. */
import { catalogZhCN } from './catalog.zh-CN.js';
import { cliZhCN } from './cli.zh-CN.js';
import { cliHelpZhCN } from './cli-help.zh-CN.js';
import { coreZhCN } from './core.zh-CN.js';
import type { MessageKey } from './en.js';
import { notifyZhCN } from './notify.zh-CN.js';
import { probeZhCN } from './probe.zh-CN.js';
import { reasonZhCN } from './reason.zh-CN.js';
import { uiConnectionsZhCN } from './ui-connections.zh-CN.js';
import { uiDataZhCN } from './ui-data.zh-CN.js';
import { uiShellZhCN } from './ui-shell.zh-CN.js';

export const zhCN = { ...coreZhCN, ...uiShellZhCN, ...uiDataZhCN, ...uiConnectionsZhCN, ...cliZhCN, ...cliHelpZhCN, ...catalogZhCN, ...notifyZhCN, ...probeZhCN, ...reasonZhCN } as const satisfies Record<MessageKey, string>;
