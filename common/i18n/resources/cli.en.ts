/** English for the text CLI, the exported reports (Markdown, HTML) and the tray. Its Chinese twin is cli.zh-CN.ts; en.ts joins the parts. */
export const cliEn = {} as const;
