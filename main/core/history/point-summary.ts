/**
 * A history point's verdict as a message, for points in any language. Points store it beside the
 * English text; a point stored before that gets it from its kept snapshot (the message the snapshot
 * carries, else the one its inferences, checks and probes give), accepted only when it renders to
 * the English text stored with the point, so that a point never reads differently in two languages.
 */
import { ExposureMessage } from '../../../contract/message.js';
import { exposureFor } from '../../../common/exposure.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { parseSnapshotJson } from '../snapshot/validate.js';

export interface StoredPoint {
  /** The English text stored with the point. */
  summary: string;
  /** The message stored with it (JSON), null for a point stored before points kept one. */
  message: string | null;
  /** The kept snapshot's JSON, read only when needed; null when it cannot be read. */
  snapshotJson: () => string | null;
}

function parsedMessage(json: string): ExposureMessage | null {
  try {
    const parsed = ExposureMessage.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function snapshotMessage(json: string | null): ExposureMessage | null {
  if (json === null) return null;
  const parsed = parseSnapshotJson(json);
  if (!parsed.ok) return null;
  const { exposure, inferences, checks, probes } = parsed.snapshot;
  return exposure?.message ?? exposureFor(inferences, checks, probes).message;
}

/** The point's message; undefined when none can be had that says what its English text says. */
export function pointSummaryMessage(point: StoredPoint): ExposureMessage | undefined {
  const stored = point.message === null ? null : parsedMessage(point.message);
  if (stored) return stored;
  const derived = snapshotMessage(point.snapshotJson());
  return derived && renderMessage(derived, 'en') === point.summary ? derived : undefined;
}
