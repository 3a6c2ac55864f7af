import type { Inference, Signal, Tool } from '../../../contract/snapshot.js';
import { confidenceTone } from '../lib/exposure.js';
import { inferenceLabel } from '../lib/inference.js';
import { toolNames } from '../lib/tools.js';
import { Badge } from './Badge.js';
import { Chips } from './Chips.js';
import { CommandLine } from './CommandLine.js';
import { EvidenceList } from './EvidenceList.js';

type Props = { inference: Inference; signals: ReadonlyMap<string, Signal>; tools: readonly Tool[] };

/** One inference in plain words: what, how sure, on what evidence, who can see it, how to stop it. */
export function InferenceCard({ inference, signals, tools }: Props) {
  const advice = inference.advice ?? [];
  return (
    <article className="card" aria-label={inference.statement}>
      <header className="card-head">
        <h3>{inference.statement}</h3>
        <Badge tone={confidenceTone(inference.confidence)}>{inference.confidence} confidence</Badge>
      </header>
      <p className="muted">
        {inferenceLabel(inference.id)}: <strong>{String(inference.value)}</strong>
      </p>
      <h4>Evidence</h4>
      <EvidenceList ids={inference.evidence} signals={signals} />
      <h4>Visible to</h4>
      <Chips items={toolNames(inference.visibleTo, tools)} label="Tools that can see this" empty="No known tool can read all of this evidence." />
      {advice.length > 0 && (
        <>
          <h4>How to stop disclosing this</h4>
          <ul className="advice">
            {advice.map((item, index) => (
              <li key={index}>
                <p>
                  {item.text}
                  {item.toolId && <span className="muted"> (for {toolNames([item.toolId], tools)[0]})</span>}
                </p>
                {item.command && <CommandLine command={item.command} />}
              </li>
            ))}
          </ul>
        </>
      )}
    </article>
  );
}
