import { describe, expect, it } from 'vitest';
import { InvalidSnapshotError, exportSnapshot } from '../../../main/core/snapshot/export.js';
import { parseSnapshotJson } from '../../../main/core/snapshot/validate.js';
import { loadSnapshot } from './load-fixture.js';

const sample = loadSnapshot('linux-sample.json');
const plain = { maskHostname: false, maskUsername: false };

describe('exportSnapshot', () => {
  it('writes JSON that reads back as the redacted snapshot', () => {
    const result = exportSnapshot(sample, 'json', plain);
    expect(result.filename).toBe('telltale-snapshot-2026-11-24T10-00-00-000Z.json');
    expect(result.mime).toBe('application/json');
    expect(result.content).toMatch(/^\{\n {2}"schemaVersion": 2,\n/);
    expect(JSON.parse(result.content)).toEqual({ ...sample, redaction: { secrets: true, hostname: false, username: false } });
    expect(parseSnapshotJson(result.content).ok).toBe(true);
  });

  it('applies the masking it is asked for', () => {
    const result = exportSnapshot(sample, 'json', { maskHostname: true, maskUsername: true, home: '/home/alice' });
    expect(result.content).not.toMatch(/alice/i);
    expect(JSON.parse(result.content).redaction).toEqual({ secrets: true, hostname: true, username: true });
  });

  it('renders Markdown and HTML with their file names and types', () => {
    const md = exportSnapshot(sample, 'md', plain);
    expect([md.filename, md.mime]).toEqual(['telltale-snapshot-2026-11-24T10-00-00-000Z.md', 'text/markdown; charset=utf-8']);
    expect(md.content.startsWith('# Telltale report\n')).toBe(true);
    const html = exportSnapshot(sample, 'html', plain);
    expect([html.filename, html.mime]).toEqual(['telltale-snapshot-2026-11-24T10-00-00-000Z.html', 'text/html; charset=utf-8']);
    expect(html.content).toContain('<h1>Telltale report</h1>');
  });

  it('puts the version and the loopback choice it is given into the Markdown and HTML reports', () => {
    for (const format of ['md', 'html'] as const) {
      const plainReport = exportSnapshot(sample, format, plain).content;
      expect(plainReport).toContain('version unknown');
      const report = exportSnapshot(sample, format, plain, { version: '1.2.3', includeLoopback: true }).content;
      expect(report).toContain('1.2.3');
      expect(report).toMatch(/3, listed below/);
    }
    expect(exportSnapshot(sample, 'json', plain, { version: '1.2.3' }).content).not.toContain('1.2.3');
  });

  it('refuses a snapshot that does not match the contract, in every format', () => {
    const bad = { ...structuredClone(sample), connections: [{ ...sample.connections[0]!, protocol: 'sctp' }] };
    for (const format of ['json', 'md', 'html'] as const) {
      expect(() => exportSnapshot(bad as never, format, plain)).toThrow(InvalidSnapshotError);
    }
    try {
      exportSnapshot(bad as never, 'json', plain);
    } catch (error) {
      expect((error as InvalidSnapshotError).errors[0]).toMatch(/^connections\[0\]\.protocol: /);
    }
  });
});
