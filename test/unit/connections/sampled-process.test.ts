import { describe, expect, it } from 'vitest';
import { describeProcess } from '../../../main/core/connections/sampled-process.js';
import type { ProcessInfo } from '../../../main/core/process.js';

describe('describeProcess', () => {
  it('redacts the command and matches the tool on the raw command, once each', () => {
    const redacted: string[] = [];
    const matched: ProcessInfo[] = [];
    const process = describeProcess(
      { pid: 7, ppid: 1, name: 'node', rawCommand: 'node cli.js --token=s3cret', startedAt: null, user: 'me' },
      {
        redact: (command) => {
          redacted.push(command);
          return command.replace('s3cret', '***');
        },
        matchTool: (p) => {
          matched.push(p);
          return 'claude-code';
        },
      },
    );
    expect(process).toEqual({
      pid: 7,
      ppid: 1,
      name: 'node',
      command: 'node cli.js --token=***',
      rawCommand: 'node cli.js --token=s3cret',
      ownToolId: 'claude-code',
      startedAt: null,
      user: 'me',
    });
    expect(redacted).toHaveLength(1);
    expect(matched).toEqual([{ pid: 7, ppid: 1, name: 'node', command: 'node cli.js --token=s3cret' }]);
  });

  it('does not redact an empty command (kernel threads, zombies)', () => {
    const process = describeProcess(
      { pid: 2, ppid: null, name: 'kthreadd', rawCommand: '', startedAt: null },
      { redact: () => 'never', matchTool: () => null },
    );
    expect(process).toMatchObject({ command: '', rawCommand: '' });
    expect('user' in process).toBe(false);
  });
});
