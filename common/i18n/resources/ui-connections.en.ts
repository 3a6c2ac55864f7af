/** English for the Connections view and its parts (table, details, groups, toggles). Its Chinese twin is ui-connections.zh-CN.ts; en.ts joins the parts. */
export const uiConnectionsEn = {} as const;
