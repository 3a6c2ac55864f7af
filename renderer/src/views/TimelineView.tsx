import { useCallback, useMemo, useState } from 'react';
import type { TelltaleApi } from '../../../contract/api.js';
import { HistoryRange, type Timeline } from '../../../contract/history.js';
import type { Tool } from '../../../contract/snapshot.js';
import { EXPOSURE_LEVELS } from '../../../common/exposure.js';
import { Chart, type ChartSeries } from '../components/Chart.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { EventList } from '../components/EventList.js';
import { TableHead } from '../components/TableHead.js';
import { useApiQuery, useReloadOnSample } from '../hooks/useApiQuery.js';
import { noHistoryReason } from '../components/NoHistory.js';
import { activityTotals, bucketLabel, bucketSeconds, exposureHeights, exposurePeak, SERIES_COLORS } from '../lib/timeline.js';

const RANGE_LABELS: Record<HistoryRange, string> = { '1h': 'Last hour', '24h': 'Last day', '7d': 'Last week' };
const EXPOSURE_TICKS = { values: EXPOSURE_LEVELS.map((_, index) => index), label: (value: number) => EXPOSURE_LEVELS[value] ?? '' };
const when = (ms: number) => new Date(ms).toLocaleString();

function ExposureChart({ timeline }: { timeline: Timeline }) {
  const x = useMemo(() => bucketSeconds(timeline), [timeline]);
  const series = useMemo<ChartSeries[]>(
    () => [{ label: 'Exposure', color: SERIES_COLORS[1] ?? '#d9480f', values: exposureHeights(timeline), stepped: true }],
    [timeline],
  );
  const peak = exposurePeak(timeline);
  return (
    <figure className="card chart-card" aria-labelledby="exposure-chart-caption">
      <h3>Exposure level</h3>
      <Chart x={x} series={series} height={160} yTicks={EXPOSURE_TICKS} />
      <figcaption id="exposure-chart-caption">
        {peak ? `Highest exposure: ${peak.level}, first reached ${when(peak.at)}.` : 'No exposure was recorded in this range.'}
      </figcaption>
    </figure>
  );
}

function ActivityChart({ timeline }: { timeline: Timeline }) {
  const x = useMemo(() => bucketSeconds(timeline), [timeline]);
  const series = useMemo<ChartSeries[]>(
    () => timeline.activity.map((tool, index) => ({ label: tool.name, color: SERIES_COLORS[index % SERIES_COLORS.length] ?? '#1d6fe0', values: tool.counts })),
    [timeline],
  );
  const colorOf = new Map(series.map((s) => [s.label, s.color]));
  const totals = activityTotals(timeline);
  return (
    <figure className="card chart-card" aria-labelledby="activity-chart-caption">
      <h3>Connection activity per tool</h3>
      {totals.length === 0 ? (
        <p className="muted">No connections were recorded in this range.</p>
      ) : (
        <>
          <Chart x={x} series={series} height={200} />
          <table className="simple-table legend-table" aria-label="Connection activity per tool">
            <TableHead columns={['Tool', 'Connections', 'Busiest', 'At']} />
            <tbody>
              {totals.map((total) => (
                <tr key={total.name}>
                  <td>
                    <span className="swatch" style={{ background: colorOf.get(total.name) }} aria-hidden="true" /> {total.name}
                  </td>
                  <td>{total.total}</td>
                  <td>{total.peak}</td>
                  <td>{total.peakAt === null ? '—' : when(total.peakAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <figcaption id="activity-chart-caption">
        Connections seen or attempted per tool, counted {bucketLabel(timeline.bucketMs)}
        {totals[0] ? `; the most active was ${totals[0].name} with ${totals[0].total}.` : '.'}
      </figcaption>
    </figure>
  );
}

/** Exposure and per-tool activity over time from the history, with the events below. */
export function TimelineView({ api, tools, seq }: { api: TelltaleApi; tools: readonly Tool[]; seq: number }) {
  const [range, setRange] = useState<HistoryRange>('1h');
  const status = useApiQuery(useCallback(() => api.getHistoryStatus({}), [api]));
  const timeline = useApiQuery(useCallback(() => api.getTimeline({ range }), [api, range]));
  useReloadOnSample(seq, timeline.reload);

  return (
    <section aria-labelledby="timeline-title" className="timeline">
      <h2 id="timeline-title">Timeline</h2>
      {status.error && <ErrorMessage message={`Could not ask about the history: ${status.error}`} />}
      {status.data && !status.data.available ? (
        <div className="card notice" role="status">
          <p>
            <strong>No history is being kept.</strong> {noHistoryReason(status.data)}
          </p>
          <p className="muted">The other views still show what is happening now.</p>
        </div>
      ) : (
        <>
          {status.data?.message && <p className="notice">{status.data.message}</p>}
          <div className="range-switch" role="group" aria-label="Time range">
            {HistoryRange.options.map((option) => (
              <button key={option} type="button" aria-pressed={option === range} onClick={() => setRange(option)}>
                {RANGE_LABELS[option]}
              </button>
            ))}
          </div>
          {timeline.error && <ErrorMessage message={`Could not read the timeline: ${timeline.error}`} />}
          {timeline.data && timeline.data.range === range && (
            <>
              <p className="muted">
                {when(Date.parse(timeline.data.from))} to {when(Date.parse(timeline.data.to))}
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
