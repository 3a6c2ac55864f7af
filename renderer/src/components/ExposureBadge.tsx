import type { ExposureLevel } from '../../../contract/snapshot.js';
import { exposureLabel } from '../../../common/exposure.js';
import { exposureTone } from '../lib/exposure.js';
import { Badge } from './Badge.js';
import { useLanguage } from '../hooks/useT.js';

export function ExposureBadge({ level }: { level: ExposureLevel | undefined }) {
  const language = useLanguage();
  return <Badge tone={exposureTone(level)}>{exposureLabel(level, language)}</Badge>;
}
