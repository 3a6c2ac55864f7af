import { CopyButton } from './CopyButton.js';

/** A command or config line the user can copy. */
export function CommandLine({ command }: { command: string }) {
  return (
    <div className="command">
      <code>{command}</code>
      <CopyButton text={command} label={`command ${command}`} />
    </div>
  );
}
