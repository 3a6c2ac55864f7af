import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { Language } from '../../../common/i18n/languages.js';
import { useLanguage } from '../hooks/useT.js';

export type ChartSeries = { label: string; color: string; values: (number | null)[]; stepped?: boolean };

type Props = {
  /** x values in seconds since the epoch. */
  x: number[];
  series: ChartSeries[];
  height: number;
  /** y axis tick text (e.g. exposure level names); plain numbers when absent. */
  yTicks?: { values: number[]; label: (value: number) => string };
};

/** CSS custom properties as colours the canvas can use (it cannot resolve var(--x) itself). */
function cssColor(element: Element, name: string, fallback: string): string {
  return getComputedStyle(element).getPropertyValue(name).trim() || fallback;
}

/** Time ticks (seconds) in the language in force: the time of day over a day or two, the date over longer (uPlot's own are English: "12:10pm"). */
function timeTicks(splits: number[], language: Language): string[] {
  const days = (Math.max(...splits) - Math.min(...splits)) / 86_400;
  const format = new Intl.DateTimeFormat(language, days > 2 ? { month: 'numeric', day: 'numeric' } : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return splits.map((seconds) => format.format(new Date(seconds * 1000)));
}

/**
 * A uPlot chart filling its container's width. uPlot sets sizes through element.style (CSSOM),
 * which the page's CSP allows; it injects no style or script elements. The canvas is hidden from
 * assistive technology: every chart comes with a text alternative next to it.
 */
export function Chart({ x, series, height, yTicks }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const language = useLanguage();

  useEffect(() => {
    const target = container.current;
    if (!target) return;
    const text = cssColor(target, '--muted', '#5b6270');
    const grid = cssColor(target, '--border', '#d5d9e0');
    const axis: uPlot.Axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const stepped = uPlot.paths.stepped?.({ align: 1 });
    const plot = new uPlot(
      {
        width: Math.max(target.clientWidth, 200),
        height,
        legend: { show: false },
        cursor: { drag: { x: false, y: false } },
        scales: { x: { time: true }, ...(yTicks ? { y: { range: [Math.min(...yTicks.values), Math.max(...yTicks.values)] } } : {}) },
        axes: [
          { ...axis, values: (_: uPlot, splits: number[]) => timeTicks(splits, language) },
          {
            ...axis,
            size: yTicks ? 70 : 40,
            ...(yTicks ? { splits: () => yTicks.values, values: (_: uPlot, splits: number[]) => splits.map(yTicks.label) } : {}),
          },
        ],
        series: [
          {},
          ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: false, ...(s.stepped && stepped ? { paths: stepped } : {}) })),
        ],
      },
      [x, ...series.map((s) => s.values)] as uPlot.AlignedData,
      target,
    );
    plot.root.setAttribute('aria-hidden', 'true');
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(target.clientWidth, 200), height }));
    resize.observe(target);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [x, series, height, yTicks, language]);

  return <div className="chart" ref={container} />;
}
