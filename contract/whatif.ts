/**
 * What-if: change a few things about this machine (typed toggles), and see what the tools could
 * infer then, computed by the same inference code as a real sample.
 */
import { z } from 'zod';
import { CheckResult, ExposureLevel, Inference, RegistryEcosystem, SignalValue } from './snapshot.js';
import { ExposureMessage } from './message.js';

/** An environment variable name as a shell would accept it. */
const EnvName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name').max(100);

export const WhatIfToggle = z.discriminatedUnion('kind', [
  /** The variable is not in the tools' environment (HTTPS_PROXY, ANTHROPIC_BASE_URL, LC_ALL ...). */
  z.object({ kind: z.literal('unset-env'), variable: EnvName }),
  /** TZ set to this IANA zone (e.g. UTC). */
  z.object({ kind: z.literal('timezone'), zone: z.string().min(1).max(100) }),
  /** LANG set to this POSIX locale (e.g. en_US.UTF-8), LANGUAGE and every LC_* unset. */
  z.object({ kind: z.literal('locale'), locale: z.string().regex(/^[A-Za-z]{2,3}(?:_[A-Za-z]{2})?(?:\.[\w-]+)?$/, 'a POSIX locale such as en_US.UTF-8') }),
  /** The package mirror of this ecosystem removed from the user's config (the default registry applies). */
  z.object({ kind: z.literal('drop-mirror'), ecosystem: RegistryEcosystem }),
  /** No global git user.email. */
  z.object({ kind: z.literal('hide-git-email') }),
  /** A model base-URL variable (env or a tool's config) pointing at this URL instead. */
  z.object({ kind: z.literal('base-url'), variable: EnvName, url: z.url().max(2000) }),
]);
export type WhatIfToggle = z.infer<typeof WhatIfToggle>;

/** What the tools could infer from one set of signals. */
export const WhatIfOutcome = z.object({
  inferences: z.array(Inference),
  checks: z.array(CheckResult),
  exposure: z.object({ level: ExposureLevel, summary: z.string(), message: ExposureMessage.optional() }),
});
export type WhatIfOutcome = z.infer<typeof WhatIfOutcome>;

export const WhatIfResult = z.object({
  toggles: z.array(WhatIfToggle),
  /** The current sample. */
  before: WhatIfOutcome,
  /** The same sample with the toggles applied. */
  after: WhatIfOutcome,
  /** The signals the toggles changed (null: absent or not usable on that side). */
  signalsChanged: z.array(z.object({ id: z.string(), before: SignalValue.nullable(), after: SignalValue.nullable() })),
});
export type WhatIfResult = z.infer<typeof WhatIfResult>;
