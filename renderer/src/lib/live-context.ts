import type { SamplerStatus, TelltaleApi } from '../../../contract/api.js';
import type { ConnectionAttempt } from '../../../contract/attempts.js';

/** What views showing live connections need besides the snapshot: the API, the sample count, capture status and attempts. */
export type LiveContext = {
  api: TelltaleApi;
  /** Moves on with every sample; history queries re-run (rate-limited) when it does. */
  seq: number;
  status: SamplerStatus | null;
  attempts: readonly ConnectionAttempt[];
};
