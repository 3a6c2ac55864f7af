/**
 * English for what the tool catalog says (contract/catalog-text.ts): telemetry opt-outs, setting
 * notes, tool notes. Its Chinese twin is catalog.zh-CN.ts; en.ts joins the parts.
 */
export const catalogEn = {
  'opt-out.env': 'Set {{variable}}={{value}}',
  'opt-out.config': 'In {{file}}, set {{key}} to {{value}}',
  'opt-out.editor-setting': 'In the editor’s settings, set {{key}} to {{value}}',
  'opt-out.flag': 'Start it as {{program}} {{flag}}',
  'opt-out.app-switch.on': 'In {{path}}, turn on “{{label}}”',
  'opt-out.app-switch.off': 'In {{path}}, turn off “{{label}}”',
  'opt-out.web-switch.on': 'At {{page}}, turn on “{{label}}”',
  'opt-out.web-switch.off': 'At {{page}}, turn off “{{label}}”',
  'opt-out.caveat.is-default': 'the default',
  'opt-out.caveat.unverified-newer': 'not verified for newer releases',
  'opt-out.caveat.label-unverified': 'label not verified',
  'opt-out.caveat.partial-2025': 'reported in 2025 not to stop all of the tool’s own reporting',
  // Between opt-outs in one advice item: each is a sentence of its own.
  'opt-out.steps-separator': '. ',

  'setting-note.editor-proxy': 'Proxy for the editor and every extension.',
  'setting-note.editor-telemetry-level': 'Editor telemetry level ({{levels}}).',
  'setting-note.legacy-telemetry': 'Legacy telemetry switch.',
  'setting-note.base-url': 'Requests go to this host.',
  'setting-note.base-url.instead-of': 'Requests go to this host instead of {{vendor}}.',
  'setting-note.base-url.of-tool': '{{tool}} requests go to this host.',
  'setting-note.base-url.compatible': '{{api}}-compatible requests go to this host.',
  'setting-note.tool-proxy': 'The proxy {{tool}} uses; the tool can see it.',
  'setting-note.uses-editor-proxy': '{{tool}} uses the editor’s proxy.',
  'setting-note.follows-editor-telemetry': '{{tool}} follows the editor’s telemetry level.',
  'setting-note.session-env': 'Set in the environment of every {{tool}} session.',
  'setting-note.loaded-into-env': 'Loaded into {{tool}}’s environment.',
  'setting-note.model-provider': 'Which [{{table}}] entry is used.',
  'setting-note.usage-statistics': 'Usage statistics, sent to {{host}}.',
  'setting-note.older-layout': 'Older flat settings layout.',
  'setting-note.sign-in': 'How it signs in: {{oauth}} or an {{api}}-compatible key.',
  'setting-note.session-sharing': 'Whether sessions are shared to {{host}}.',

  'tool-note.extensions': 'Extensions run with the editor’s rights: any of them can read the environment, time zone, files and network.',
  'tool-note.extension-host': 'Runs inside the editor’s extension host; only its language server shows as a process.',
  'tool-note.in-editor': 'Runs inside the editor.',
  'tool-note.ide-based-on': 'A {{base}}-based IDE.',
  'tool-note.plugins-and-ide': 'Plugins for {{editors}}, and the {{ide}}.',
  // The report's row for a tool's note.
  'tool-note.label': 'Note',
} as const;
