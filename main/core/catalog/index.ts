/** The dev-tool catalog: what each tool is, how to spot it running or installed, what it is configured to do. */
export { buildTools } from './build.js';
export { detectInstalled, findOnPath, pathDirs } from './installed.js';
export { matchCommand, matchProcess, recognizeRunning } from './recognize.js';
export { readToolSettings } from './settings.js';
export { TOOL_CATALOG } from './tools.js';
export type * from './types.js';
