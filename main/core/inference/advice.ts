/**
 * Hardening steps for one inference, tailored to its evidence: time-zone/locale wrappers only for
 * time-zone/locale evidence, proxy unsetting only for proxy evidence, and so on, each limited to
 * the tools that can read that evidence. Telemetry opt-outs of those tools close the list, since
 * telemetry is how an inference would leave the machine.
 */
import type { AdviceMessage } from '../../../contract/message.js';
import type { Advice, Signal, Tool } from '../../../contract/snapshot.js';
import { envAssignment } from '../../../common/catalog-text.js';
import { renderMessage } from '../../../common/i18n/render.js';
import { TOOL_COMMANDS } from '../knowledge/tool-commands.js';
import { toolSettingVariable } from '../../../common/whatif-options.js';
import { isKind, isSignal, signalRef, toolName } from './signal-kinds.js';
import { emailDomainOf, textOf } from './signal-values.js';
import { canReadSignal, presentTools } from './visibility.js';

/** The command that starts a tool: the bin it was found as on PATH, else the catalogue's name. */
export function commandFor(tool: Tool): string | null {
  const onPath = tool.installEvidence?.find((e) => e.endsWith(' (on PATH)'));
  // The file name of the path, whichever separator its platform uses.
  if (onPath) return (onPath.slice(0, -' (on PATH)'.length).split(/[\\/]/).pop() ?? '').replace(/\.(exe|cmd)$/i, '');
  return TOOL_COMMANDS[tool.id] ?? null;
}

/** An advice item: its message, with the English text rendered from it. */
function item(message: AdviceMessage, extra: { command?: string; toolId?: string } = {}): Advice {
  return { text: renderMessage(message, 'en'), ...extra, message };
}

/** The message of a wrapper for one tool; launchPrefix is set when there is no command to alias. */
type WrapperMessage = (tool: string, launchPrefix: string | undefined) => AdviceMessage;

/** One wrapper per tool that can read `signals`: `alias claude='<prefix> claude'`. */
function wrappers(signals: readonly Signal[], tools: readonly Tool[], prefix: string, message: WrapperMessage): Advice[] {
  return tools
    .filter((tool) => signals.some((s) => canReadSignal(tool, s)))
    .map((tool) => {
      const cmd = commandFor(tool);
      return cmd
        ? item(message(tool.name, undefined), { command: `alias ${cmd}='${prefix} ${cmd}'`, toolId: tool.id })
        : item(message(tool.name, prefix), { toolId: tool.id });
    });
}

const PROXY_ENV_VARS = ['HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy'];

function envVarOf(signal: Signal): string | null {
  if (isSignal(signal, 'model-endpoint')) return signal.key.variable;
  if (isSignal(signal, 'proxy') && signal.key.source === 'env') return signal.key.variable;
  return /^env:(.+)$/.exec(signal.source)?.[1] ?? null;
}

/** The tool whose own config file holds the signal, if any. */
const toolOf = (signal: Signal): string | null => (isSignal(signal, 'tool-setting') ? signal.key.toolId : null);

const proxySource = (signal: Signal) => (isSignal(signal, 'proxy') ? signal.key : null);

/** The file a signal was read from ("~/.npmrc" of "file:~/.npmrc"). */
const fileOf = (signal: Signal) => signal.source.replace(/^file:/, '');

function localeAdvice(timezone: Signal[], locale: Signal[], tools: readonly Tool[]): Advice[] {
  if (!timezone.length && !locale.length) return [];
  const lcAll = locale.some((s) => isSignal(s, 'locale') && /^LC_/i.test(s.key.variable));
  const prefix = [
    ...(timezone.length ? ['TZ=UTC'] : []),
    ...(locale.length ? ['LANG=en_US.UTF-8'] : []),
    ...(lcAll ? ['LC_ALL=en_US.UTF-8'] : []),
  ].join(' ');
  const neutral = timezone.length && locale.length ? 'timezone-and-locale' : timezone.length ? 'timezone' : 'locale';
  return wrappers([...timezone, ...locale], tools, prefix, (tool, launchPrefix) => ({ id: 'advice.neutral-environment', tool, launchPrefix, neutral }));
}

function proxyAdvice(proxies: Signal[], tools: readonly Tool[]): Advice[] {
  const fromEnv = proxies.filter((s) => proxySource(s)?.source === 'env' || proxySource(s)?.source === 'effective');
  const vars = fromEnv.some((s) => proxySource(s)?.source === 'effective')
    ? PROXY_ENV_VARS
    : [...new Set(fromEnv.map(envVarOf).filter((v): v is string => v !== null))];
  const advice: Advice[] = vars.length
    ? wrappers(fromEnv, tools, `env ${vars.map((v) => `-u ${v}`).join(' ')}`, (tool, launchPrefix) => ({ id: 'advice.unset-proxy-variables', tool, launchPrefix }))
    : [];
  for (const tool of tools.filter((t) => t.endpoints.length && fromEnv.some((s) => canReadSignal(t, s)))) {
    advice.push(
      item(
        { id: 'advice.bypass-proxy', tool: tool.name },
        { command: `export NO_PROXY="\${NO_PROXY:+$NO_PROXY,}${tool.endpoints.map((e) => e.replace(/^\*\./, '.')).join(',')}"`, toolId: tool.id },
      ),
    );
  }
  for (const s of proxies) {
    const tool = toolOf(s);
    const system = proxySource(s);
    if (tool) advice.push(item({ id: 'advice.remove-tool-proxy', signal: signalRef(s), file: fileOf(s) }, { toolId: tool }));
    else if (isSignal(s, 'registry') && s.key.ecosystem === 'npm') {
      advice.push(item({ id: 'advice.npmrc-proxy' }, { command: `npm config delete ${s.key.setting} --location=user` }));
    } else if (system && 'system' in system && system.system === 'gnome') {
      advice.push(item({ id: 'advice.gnome-system-proxy' }, { command: "gsettings set org.gnome.system.proxy mode 'none'" }));
    } else if (system && 'system' in system) {
      advice.push(item({ id: 'advice.system-proxy', signal: signalRef(s) }));
    }
  }
  return advice;
}

const REGISTRY_RESET: Readonly<Record<string, string>> = {
  npm: 'npm config delete registry --location=user',
  yarn: 'yarn config delete registry',
  pip: 'pip config unset global.index-url',
  go: 'go env -u GOPROXY',
};

function registryAdvice(registries: Signal[], tools: readonly Tool[]): Advice[] {
  return registries.flatMap((s): Advice[] => {
    if (!isSignal(s, 'registry')) return [];
    const { ecosystem } = s.key;
    const envVar = /^env:(.+)$/.exec(s.source)?.[1];
    if (envVar) return wrappers([s], tools, `env -u ${envVar}`, (tool, launchPrefix) => ({ id: 'advice.unset-mirror-variable', tool, launchPrefix, variable: envVar, ecosystem }));
    const reset = REGISTRY_RESET[ecosystem];
    const message: AdviceMessage = { id: 'advice.move-mirror', ecosystem, url: textOf(s) ?? '', file: fileOf(s) };
    return [reset ? item(message, { command: reset }) : item(message)];
  });
}

function identityAdvice(evidence: Signal[]): Advice[] {
  return evidence.flatMap((s): Advice[] => {
    if (isKind(s, 'email')) {
      const domain = emailDomainOf(s);
      return [
        item({ id: 'advice.neutral-git-email', ...(domain ? { domain } : {}) }, { command: 'git config --global user.email "you@users.noreply.github.com"' }),
        item({ id: 'advice.work-email-per-repo' }, { command: 'git config user.email "<your work email>"' }),
      ];
    }
    if (isKind(s, 'dns')) {
      return [item({ id: 'advice.dns-search', signal: signalRef(s) }, { command: 'nmcli connection modify "<connection>" ipv4.dns-search ""' })];
    }
    if (isKind(s, 'hostname')) return [item({ id: 'advice.neutral-hostname' }, { command: 'sudo hostnamectl set-hostname <neutral-name>' })];
    return [];
  });
}

function modelAdvice(endpoints: Signal[], tools: readonly Tool[]): Advice[] {
  return endpoints.flatMap((s): Advice[] => {
    const tool = toolOf(s);
    if (tool) {
      // Only the tool that needs the URL should get it: in its own launch command, not a file others read.
      const variable = toolSettingVariable(s);
      const cmd = tools.find((t) => t.id === tool);
      const start = cmd ? commandFor(cmd) : null;
      const message: AdviceMessage = { id: 'advice.move-base-url', signal: signalRef(s), file: fileOf(s), tool: toolName(tool) };
      return [variable && start ? item(message, { command: `alias ${start}='${variable}=${textOf(s) ?? ''} ${start}'`, toolId: tool }) : item(message, { toolId: tool })];
    }
    const envVar = envVarOf(s);
    return envVar ? wrappers([s], tools, `env -u ${envVar}`, (tool, launchPrefix) => ({ id: 'advice.unset-endpoint-variable', tool, launchPrefix, variable: envVar })) : [];
  });
}

/** One item per tool: its env opt-outs as one command, the others (settings, switches, flags) in the text. */
function telemetryAdvice(tools: readonly Tool[]): Advice[] {
  return tools.flatMap((tool): Advice[] => {
    const optOuts = tool.telemetryOptOutMessages ?? [];
    if (!optOuts.length) return [];
    const env = optOuts.filter((o) => o.id === 'opt-out.env');
    const other = optOuts.filter((o) => o.id !== 'opt-out.env');
    const message: AdviceMessage = { id: 'advice.telemetry-off', tool: tool.name, steps: other };
    return [env.length ? item(message, { command: `export ${env.map(envAssignment).join(' ')}`, toolId: tool.id }) : item(message, { toolId: tool.id })];
  });
}

/** Advice for an inference resting on `evidence`, for the tools present that can read it. */
export function adviceFor(evidence: readonly Signal[], tools: readonly Tool[]): Advice[] {
  const present = presentTools(tools);
  const of = (kind: Parameters<typeof isKind>[1]) => evidence.filter((s) => isKind(s, kind));
  const readers = present.filter((t) => evidence.some((s) => canReadSignal(t, s)));
  const all = [
    ...localeAdvice(of('timezone'), of('locale'), present),
    ...proxyAdvice([...of('proxy'), ...of('pac')], present),
    ...registryAdvice(of('registry'), present),
    ...identityAdvice(evidence.slice()),
    ...modelAdvice(of('model'), present),
    ...telemetryAdvice(readers),
  ];
  const seen = new Set<string>();
  return all.filter((a) => {
    const key = `${a.toolId ?? ''}|${a.text}|${a.command ?? ''}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}
