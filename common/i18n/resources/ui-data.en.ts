/** English for the app's views of data: Timeline, Compare (snapshot and diff), Probe, What-if. Its Chinese twin is ui-data.zh-CN.ts; en.ts joins the parts. */
export const uiDataEn = {} as const;
