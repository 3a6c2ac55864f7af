import type { SamplerStatus } from '../../../contract/api.js';
import type { Snapshot } from '../../../contract/snapshot.js';
import type { Link } from '../hooks/useTelltale.js';
import { ExposureBadge } from './ExposureBadge.js';
import { LiveIndicator } from './LiveIndicator.js';
import { useT } from '../hooks/useT.js';

type Props = {
  snapshot: Snapshot | null;
  status: SamplerStatus | null;
  link: Link;
  onSampleNow: () => void;
  onSetPaused: (paused: boolean) => void;
};

export function Header({ snapshot, status, link, onSampleNow, onSetPaused }: Props) {
  const t = useT();
  const paused = status?.paused ?? false;
  return (
    <header className="app-header">
      <h1 className="app-name">Telltale</h1>
      {snapshot && <ExposureBadge level={snapshot.exposure?.level} />}
      <LiveIndicator status={status} link={link} takenAt={snapshot?.takenAt} />
      <div className="header-actions">
        <button type="button" onClick={() => onSetPaused(!paused)} disabled={!status}>
          {paused ? t('header.resume') : t('header.pause')}
        </button>
        <button type="button" className="primary" onClick={onSampleNow} disabled={status?.sampling ?? false}>
          {t('header.sample-now')}
        </button>
      </div>
    </header>
  );
}
