import { describe, expect, it } from 'vitest';
import { connectionsOf, inferencesVisibleTo, partitionTools, toolNames, toolPresence } from '../../../renderer/src/lib/tools.js';
import { connection, inference, tool } from '../../helpers/snapshot-builders.js';

const claude = tool();
const codex = tool({ id: 'codex', name: 'Codex CLI', running: false, pids: [], installed: true });
const aider = tool({ id: 'aider', name: 'Aider', running: true, pids: [1, 2] });
const gemini = tool({ id: 'gemini-cli', name: 'Gemini CLI', running: false, pids: [], installed: false });

describe('partitionTools', () => {
  it('lists running tools first, then installed ones, and keeps absent tools apart', () => {
    const { present, absent } = partitionTools([codex, gemini, claude, aider]);
    expect(present.map((t) => t.id)).toEqual(['aider', 'claude-code', 'codex']);
    expect(absent.map((t) => t.id)).toEqual(['gemini-cli']);
  });
});

describe('toolPresence', () => {
  it('describes running, installed and missing tools', () => {
    expect(toolPresence(claude, 'en')).toBe('running');
    expect(toolPresence(aider, 'en')).toBe('running (2 processes)');
    expect(toolPresence(codex, 'en')).toBe('installed');
    expect(toolPresence(gemini, 'en')).toBe('not found');
  });
});

describe('per-tool views', () => {
  it('selects the inferences and connections of one tool', () => {
    const shared = inference({ visibleTo: ['claude-code', 'codex'] });
    const onlyCodex = inference({ id: 'network.proxy', value: true, visibleTo: ['codex'] });
    expect(inferencesVisibleTo([shared, onlyCodex], 'claude-code')).toEqual([shared]);
    const mine = connection();
    expect(connectionsOf([mine, connection({ toolId: null }), connection({ toolId: 'codex' })], 'claude-code')).toEqual([mine]);
  });

  it('names tools by id and falls back to the id', () => {
    expect(toolNames(['codex', 'trae'], [claude, codex])).toEqual(['Codex CLI', 'trae']);
  });
});
