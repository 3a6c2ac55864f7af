/** English for the app's frame and its views of findings: header, navigation, Overview, Apps and a tool's page, Signals, Settings, notices. Its Chinese twin is ui-shell.zh-CN.ts; en.ts joins the parts. */
export const uiShellEn = {} as const;
