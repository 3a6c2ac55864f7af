import { CopyButton } from './CopyButton.js';
import { useT } from '../hooks/useT.js';

/** A command or config line the user can copy. */
export function CommandLine({ command }: { command: string }) {
  const t = useT();
  return (
    <div className="command">
      <code>{command}</code>
      <CopyButton text={command} label={t('copy.command', { command })} />
    </div>
  );
}
