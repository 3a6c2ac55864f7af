import { useCallback, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import { HistoryRange, type Timeline } from '../../../contract/history.js';
import type { Tool } from '../../../contract/snapshot.js';
import { EXPOSURE_LEVELS } from '../../../common/exposure.js';
import type { PlainKey } from '../../../common/i18n/translate.js';
import { Chart, type ChartSeries } from '../components/Chart.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { EventList } from '../components/EventList.js';
import { TableHead } from '../components/TableHead.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { useLanguage, useT } from '../hooks/useT.js';
import { noHistoryReason } from '../components/NoHistory.js';
import { dateTime, formatCount, LEVEL_KEYS } from '../lib/data-format.js';
import { activityTotals, bucketLabel, bucketSeconds, exposureHeights, exposurePeak, SERIES_COLORS } from '../lib/timeline.js';

const RANGE_KEYS: Readonly<Record<HistoryRange, PlainKey>> = { '1h': 'timeline.range.1h', '24h': 'timeline.range.24h', '7d': 'timeline.range.7d' };

function ExposureChart({ timeline }: { timeline: Timeline }) {
  const t = useT();
  const language = useLanguage();
  const x = useMemo(() => bucketSeconds(timeline), [timeline]);
  const series = useMemo<ChartSeries[]>(
    () => [{ label: t('timeline.exposure.series'), color: SERIES_COLORS[1] ?? '#d9480f', values: exposureHeights(timeline), stepped: true }],
    [timeline, t],
  );
  const ticks = useMemo(
    () => ({ values: EXPOSURE_LEVELS.map((_, index) => index), label: (value: number) => { const level = EXPOSURE_LEVELS[value]; return level ? t(LEVEL_KEYS[level]) : ''; } }),
    [t],
  );
  const peak = exposurePeak(timeline);
  return (
    <figure className="card chart-card" aria-labelledby="exposure-chart-caption">
      <h3>{t('timeline.exposure')}</h3>
      <Chart x={x} series={series} height={160} yTicks={ticks} />
      <figcaption id="exposure-chart-caption">
        {peak ? t('timeline.exposure.peak', { level: t(LEVEL_KEYS[peak.level]), at: dateTime(peak.at, language) }) : t('timeline.exposure.none')}
      </figcaption>
    </figure>
  );
}

function ActivityChart({ timeline }: { timeline: Timeline }) {
  const t = useT();
  const language = useLanguage();
  const x = useMemo(() => bucketSeconds(timeline), [timeline]);
  const series = useMemo<ChartSeries[]>(
    () => timeline.activity.map((tool, index) => ({ label: tool.name, color: SERIES_COLORS[index % SERIES_COLORS.length] ?? '#1d6fe0', values: tool.counts })),
    [timeline],
  );
  const colorOf = new Map(series.map((s) => [s.label, s.color]));
  const totals = activityTotals(timeline);
  const every = bucketLabel(timeline.bucketMs, t);
  const top = totals[0];
  return (
    <figure className="card chart-card" aria-labelledby="activity-chart-caption">
      <h3>{t('timeline.activity')}</h3>
      {totals.length === 0 ? (
        <p className="muted">{t('timeline.activity.none')}</p>
      ) : (
        <>
          <Chart x={x} series={series} height={200} />
          <table className="simple-table legend-table" aria-label={t('timeline.activity')}>
            <TableHead
              columns={[t('timeline.activity.tool'), t('timeline.activity.connections'), t('timeline.activity.busiest'), t('timeline.activity.at')]}
            />
            <tbody>
              {totals.map((total) => (
                <tr key={total.name}>
                  <td>
                    <span className="swatch" style={{ background: colorOf.get(total.name) }} aria-hidden="true" /> {total.name}
                  </td>
                  <td>{formatCount(total.total, language)}</td>
                  <td>{formatCount(total.peak, language)}</td>
                  <td>{total.peakAt === null ? t('data.dash') : dateTime(total.peakAt, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <figcaption id="activity-chart-caption">
        {top
          ? t('timeline.activity.caption-top', { every, tool: top.name, count: formatCount(top.total, language) })
          : t('timeline.activity.caption', { every })}
      </figcaption>
    </figure>
  );
}

/** Exposure and per-tool activity over time from the history, with the events below. */
export function TimelineView({ api, tools, seq }: { api: TelltaleApi; tools: readonly Tool[]; seq: number }) {
  const t = useT();
  const language = useLanguage();
  const [range, setRange] = useState<HistoryRange>('1h');
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  const timeline = useApiQuery(useCallback(() => api.getTimeline({ range }), [api, range]));
  useReloadOnSample(seq, timeline.reload);

  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h2 id="timeline-title">{t('timeline.title')}</h2>
      {status.error && <ErrorMessage message={t('timeline.history-error', { error: status.error })} />}
      {status.data && !status.data.available ? (
        <div className="card notice" role="status">
          <p>
            <strong>{t('timeline.no-history')}</strong> {noHistoryReason(status.data)}
          </p>
          <p className="muted">{t('timeline.other-views')}</p>
        </div>
      ) : (
        <>
          {status.data?.message && <p className="notice">{status.data.message}</p>}
          <div className="range-switch" role="group" aria-label={t('timeline.range')}>
            {HistoryRange.options.map((option) => (
              <button key={option} type="button" aria-pressed={option === range} onClick={() => setRange(option)}>
                {t(RANGE_KEYS[option])}
              </button>
            ))}
          </div>
          {timeline.error && <ErrorMessage message={t('timeline.error', { error: timeline.error })} />}
          {timeline.data && timeline.data.range === range && (
            <>
              <p className="muted">
                {t('data.date-range', { from: dateTime(timeline.data.from, language), to: dateTime(timeline.data.to, language) })}
              </p>
              <ExposureChart timeline={timeline.data} />
              <ActivityChart timeline={timeline.data} />
            </>
          )}
          <EventList api={api} range={range} tools={tools} seq={seq} />
        </>
      )}
    </section>
  );
}
