/**
 * English for `telltale help`, the CLI's usage errors, why precise capture is off, and the UI's
 * words for a refused request. Its Chinese twin is cli-help.zh-CN.ts; en.ts joins the parts.
 */
export const cliHelpEn = {
  // `telltale help` and `telltale probe`'s usage: main/cli/help.ts. Synopses stay as they are.
  'help.usage': 'Usage: {{command}}',
  'help.commands': 'Commands:',
  'help.options': 'Options:',
  'help.snapshot':
    'sample this machine once; print a report (or JSON), or write it to FILE; --verbose lists every signal; loopback sockets are listed only on request',
  'help.watch':
    'sample repeatedly and print what changed as it happens, until interrupted, with the TCP connections tools attempt between samples (polled every 0.5 s; --precise, Linux: every one, via tracefs as root or the capture helper)',
  'help.whatif': 'what the tools could infer now and with those changes, side by side',
  'help.diff': 'what changed between two exported snapshots (--verbose: every socket)',
  'help.serve': 'serve the UI on 127.0.0.1 with a per-launch token; --lang overrides the language setting and the locale (LC_ALL, LC_MESSAGES, LANG)',
  'help.capture':
    '(as root, e.g. {{command}}) capture every TCP connection via tracefs and stream it to that user\'s socket, for an unprivileged Telltale',
  'help.tap': 'a loopback relay that records what a tool sends to its model API',
  'help.probe': 'run a tool under controlled environments and report what changes',
  'help.history': 'past events, newest first (K: {{kinds}}); read from the history the monitor keeps',
  'help.history-endpoints': 'what each tool talked to: address, host, country, org, first and last seen',
  'help.history-points': 'the snapshots the history kept (whenever the exposure or the inferences changed), newest first, with their verdicts (default: the last 50)',
  'help.fleet': 'an osquery ATC config that reads the history as tables (for Fleet, Kolide)',
  'help.help': 'this text',
  'help.lang':
    '--lang chooses the language of this help, of reports and of printed findings; without it the `language` setting (not for this help), then LC_ALL, LC_MESSAGES and LANG decide. JSON is the same in any language.',
  'help.privacy': 'Telltale makes no network connection except on loopback and sends nothing anywhere.',
  'help.probe.runs': 'runs per environment (default 2, min 2)',
  'help.probe.factor': 'the factors to vary, of {{factors}} (default: all)',
  'help.probe.timezones': 'time zones to try (default {{zones}})',
  'help.probe.locales': 'locales to try (default {{locales}})',
  'help.probe.hosts': 'extra base-URL host names to try (bare names, e.g. {{example}})',
  'help.probe.timeout': 'per run (default 60)',
  'help.probe.json': 'print the report as JSON',
  'help.probe.home-template': 'copied into every run\'s fresh HOME (settings a tool needs to start, e.g. {{example}} choosing API-key auth)',
  'help.probe.keep-captures': 'keep the temporary HOMEs, work dirs and captured requests',
  'help.probe.no-isolation':
    'run the tool even where it cannot be cut off from the network (Linux network namespaces); it may then reach the internet itself',
  'help.probe.state-dir': 'where the report is saved (default: the Telltale state dir)',
  'help.probe.lang': 'the language of the printed report (default: the language setting, then LC_ALL, LC_MESSAGES, LANG)',
  'help.probe.placeholders':
    'In the tool command, {{examples}} (or any {{placeholder}} the probe sets) become each run\'s value, for tools configured by flags:',

  // Usage errors: main/cli/usage-message.ts. The option, the value and the command are data.
  'usage.unknown-command': 'unknown command "{{command}}"',
  'usage.unknown-option': 'unknown option "{{option}}"',
  'usage.missing-value': '{{option}} needs a value',
  'usage.takes-no-value': '{{option}} takes no value',
  'usage.unexpected-argument': 'unexpected argument "{{argument}}"',
  'usage.positive-number': '{{option}} must be a positive number, got "{{value}}"',
  'usage.whole-number': '{{option}} must be a whole number, got "{{value}}"',
  'usage.whole-number-at-least': '{{option}} must be a whole number of at least {{min}}, got "{{value}}"',
  'usage.whole-number-range': '{{option}} must be a whole number from {{min}} to {{max}}, got "{{value}}"',
  'usage.port': '{{option}} must be 0-65535, got "{{value}}"',
  'usage.one-of': '{{option}} must be one of {{choices}}, got "{{value}}"',
  'usage.uid': '{{option}} must be a numeric uid, got "{{value}}"',
  'usage.capture-user': 'say whose socket to serve: {{option}} (sudo sets it for you: {{command}})',
  'usage.subcommand': '{{command}} takes one subcommand: {{choices}}',
  'usage.subcommand-got': '{{command}} takes one subcommand: {{choices}} (got "{{value}}")',
  'usage.two-files': '{{command}} takes two snapshot files: {{example}}',
  'usage.assignment': '{{option}} takes {{form}}, got "{{value}}"',
  'usage.invalid-value': '{{option}} takes a value like {{example}}, got "{{value}}"',
  'usage.options-disagree': '{{first}} and {{second}} disagree',
  'usage.needs-file-name': '{{option}} needs a file name',
  'usage.tool-command': 'put the tool command after "--", e.g. {{example}}',
  'usage.host-not-url': '{{option}} takes bare host names (e.g. {{example}}), not URLs or host:port: "{{value}}"',
  'usage.host-not-ip': '{{option}} takes host names, not IP addresses: "{{value}}"',
  'usage.host-loopback': '{{option}} cannot name a loopback host: "{{value}}"',
  'usage.host-invalid': '{{option}}: not a valid host name: "{{value}}"',
  'usage.unknown-zone': '{{option}}: unknown IANA time zone "{{value}}"',

  // Why precise capture is off (CaptureStatus.reasonMessage): common/i18n/render-capture.ts.
  'capture-why.off': 'precise capture is off',
  'capture-why.stopped': 'precise capture stopped: {{error}}',
  'capture-why.not-linux': 'precise capture uses Linux tracefs, not available on {{platform}}',
  'capture-why.no-tracefs': 'precise capture needs tracefs, but {{root}} does not exist (kernel without CONFIG_TRACING, or /sys not mounted)',
  'capture-why.tracefs-unreadable': 'precise capture needs root: {{root}} is not readable ({{code}}); {{runAsRoot}}',
  'capture-why.tracefs-not-mounted': 'precise capture needs tracefs, which is not mounted at {{root}}; {{runAsRoot}} (it mounts it), or run {{mount}}',
  'capture-why.mount-failed': 'tracefs is not mounted at {{root}} and mounting it failed: {{error}}',
  'capture-why.no-instances': 'tracefs at {{root}} has no instances/ directory (kernel too old for trace instances)',
  'capture-why.no-tracepoint': 'the kernel has no sock:inet_sock_set_state tracepoint ({{path}} missing; Linux 4.16 or later is needed)',
  'capture-why.instance-denied': 'precise capture needs root: cannot create {{dir}} ({{code}}); {{runAsRoot}}',
  'capture-why.instance-failed': 'could not set up the trace instance {{dir}}: {{error}}',
  'capture-why.unavailable': 'precise capture is unavailable: {{detail}}',
  'capture-why.run-as-root': 'run it as root, e.g. {{command}}',
  'capture-reason.helper': '{{why}}. Or keep Telltale unprivileged: run {{command}} (it serves {{socket}}; Telltale connects as soon as it is there)',
  'capture-reason.missed-under': '{{why}}; connections shorter than {{ms}} ms may be missed',
  'capture-reason.missed-interval': '{{why}}; connections shorter than the sample interval may be missed',

  // The UI's words for a call the host refused or could not answer: renderer/src/api/error-text.ts.
  'api-error.unreachable': 'Cannot reach Telltale: {{error}}',
  'api-error.unauthorised': 'Not authorised (HTTP {{status}}). Open Telltale with the link that {{command}} printed: it carries the access token.',
  'api-error.misdirected': 'Telltale only answers requests addressed to itself (HTTP 421). Open it with the link that {{command}} printed.',
  'api-error.failed': '{{call}} failed with HTTP {{status}}',
  'api-error.not-json': 'Telltale sent a reply to {{call}} that is not JSON',

  // The settings file's problem: common/i18n/render-settings.ts. Paths and what the parser or the OS said are data.
  'settings-fault.unreadable': 'The settings file cannot be read ({{reason}})',
  'settings-fault.not-json': 'The settings file is not valid JSON ({{detail}})',
  'settings-fault.invalid': 'The settings file has invalid values: {{detail}}',
  'settings-problem.moved-aside': '{{fault}}; it was moved to {{aside}} and the settings in use were kept.',
  'settings-problem.not-moved': '{{fault}}, and could not be moved aside ({{error}}): changes are not saved.',
  'settings-problem.not-watched': 'Edits to the settings file are not picked up while running ({{error}}).',

  // `telltale tap`: main/tap/cli.ts. URLs, env assignments and paths are data.
  'tap.listening': 'telltale tap listening on {{url}} (loopback only); captures in {{dir}}',
  'tap.as-base-url': 'Point a tool at it as its model base URL:',
  'tap.as-proxy': 'or as its HTTP proxy, to see which host it thinks it talks to:',
  'tap.stop-hint': 'Press Ctrl-C to stop.',
  'tap.forward-warning':
    'WARNING: --forward is on. Every request the tool sends is re-sent to the real upstream over the internet, with the tool\'s real credentials. Without --forward the tap answers itself and nothing leaves this machine.',
  'tap.how': ' ({{how}})',
  'tap.refused': 'refused: not an origin the tap stands for',
  'tap.via-proxy': 'via proxy',
  'tap.via-tunnel': 'via proxy tunnel',
  'tap.tunnel-opened': 'tunnel opened',
  'tap.connect-refused': 'CONNECT refused',
  'tap.stopped': 'telltale tap: stopped after {{count}} request(s)',

  // `telltale diff`: main/cli/diff.ts. The file and the validation errors are data.
  'diff.not-a-snapshot': '{{file}} is not a Telltale snapshot:',
} as const;
