/**
 * The command that starts each catalogued tool, for advice that wraps it (`alias claude='TZ=UTC claude'`).
 * Used when a tool's install evidence does not name the executable it was found as.
 */
export const TOOL_COMMANDS: Readonly<Record<string, string>> = {
  'claude-code': 'claude',
  'codex-cli': 'codex',
  'gemini-cli': 'gemini',
  'copilot-cli': 'copilot',
  'qoder-cli': 'qodercli',
  'kimi-cli': 'kimi',
  aider: 'aider',
  cursor: 'cursor',
  windsurf: 'windsurf',
  vscode: 'code',
  'vscode-insiders': 'code-insiders',
  qoder: 'qoder',
  trae: 'trae',
  lingma: 'lingma',
};
