/** English for the app's views of data: Connections, Timeline, Compare, Probe, What-if. Its Chinese twin is ui-data.zh-CN.ts; en.ts joins the parts. */
export const uiDataEn = {} as const;
