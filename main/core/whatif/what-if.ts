/** What-if: the inferences and checks of a sample, and of the same sample with toggles applied, by the one engine. */
import type { Tool } from '../../../contract/snapshot.js';
import type { WhatIfResult, WhatIfToggle } from '../../../contract/whatif.js';
import type { GeoLookup } from '../geo/types.js';
import { infer } from '../inference/engine.js';
import { applyToggles, changedSignals, type WhatIfSample } from './apply-toggles.js';

export interface WhatIfInput extends WhatIfSample {
  tools: Tool[];
  geo: GeoLookup | null;
}

export function whatIf(input: WhatIfInput, toggles: readonly WhatIfToggle[]): WhatIfResult {
  const after = applyToggles(input, toggles);
  const run = (signals: typeof after) => infer({ signals, tools: input.tools, geo: input.geo });
  return {
    toggles: [...toggles],
    before: run([...input.signals]),
    after: run(after),
    signalsChanged: changedSignals(input.signals, after),
  };
}
