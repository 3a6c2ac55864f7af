/**
 * Hardening steps for one inference, tailored to its evidence: time-zone/locale wrappers only for
 * time-zone/locale evidence, proxy unsetting only for proxy evidence, and so on, each limited to
 * the tools that can read that evidence. Telemetry opt-outs of those tools close the list, since
 * telemetry is how an inference would leave the machine.
 */
import type { Advice, Signal, Tool } from '../../../contract/snapshot.js';
import { TOOL_COMMANDS } from '../knowledge/tool-commands.js';
import { toolSettingVariable } from '../../../common/whatif-options.js';
import { describeSignal, isKind, isSignal, toolName } from './signal-kinds.js';
import { emailDomainOf, textOf } from './signal-values.js';
import { canReadSignal, presentTools } from './visibility.js';

/** The command that starts a tool: the bin it was found as on PATH, else the catalogue's name. */
export function commandFor(tool: Tool): string | null {
  const onPath = tool.installEvidence?.find((e) => e.endsWith(' (on PATH)'));
  // The file name of the path, whichever separator its platform uses.
  if (onPath) return (onPath.slice(0, -' (on PATH)'.length).split(/[\\/]/).pop() ?? '').replace(/\.(exe|cmd)$/i, '');
  return TOOL_COMMANDS[tool.id] ?? null;
}

/** One wrapper per tool that can read `signals`: `alias claude='<prefix> claude'`. */
function wrappers(signals: readonly Signal[], tools: readonly Tool[], prefix: string, why: string): Advice[] {
  return tools
    .filter((tool) => signals.some((s) => canReadSignal(tool, s)))
    .map((tool) => {
      const cmd = commandFor(tool);
      return cmd
        ? { text: `Start ${tool.name} with ${why}.`, command: `alias ${cmd}='${prefix} ${cmd}'`, toolId: tool.id }
        : { text: `Start ${tool.name} with ${why} (${prefix} in its launch environment).`, toolId: tool.id };
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

function localeAdvice(timezone: Signal[], locale: Signal[], tools: readonly Tool[]): Advice[] {
  if (!timezone.length && !locale.length) return [];
  const lcAll = locale.some((s) => isSignal(s, 'locale') && /^LC_/i.test(s.key.variable));
  const prefix = [
    ...(timezone.length ? ['TZ=UTC'] : []),
    ...(locale.length ? ['LANG=en_US.UTF-8'] : []),
    ...(lcAll ? ['LC_ALL=en_US.UTF-8'] : []),
  ].join(' ');
  const why = [...(timezone.length ? ['a neutral time zone'] : []), ...(locale.length ? ['a neutral locale'] : [])].join(' and ');
  return wrappers([...timezone, ...locale], tools, prefix, why);
}

function proxyAdvice(proxies: Signal[], tools: readonly Tool[]): Advice[] {
  const fromEnv = proxies.filter((s) => proxySource(s)?.source === 'env' || proxySource(s)?.source === 'effective');
  const vars = fromEnv.some((s) => proxySource(s)?.source === 'effective')
    ? PROXY_ENV_VARS
    : [...new Set(fromEnv.map(envVarOf).filter((v): v is string => v !== null))];
  const advice: Advice[] = vars.length
    ? wrappers(fromEnv, tools, `env ${vars.map((v) => `-u ${v}`).join(' ')}`, 'the proxy variables unset (if it can reach its endpoints directly)')
    : [];
  for (const tool of tools.filter((t) => t.endpoints.length && fromEnv.some((s) => canReadSignal(t, s)))) {
    advice.push({
      text: `Or let ${tool.name} bypass the proxy for its own endpoints (it can still read the variable).`,
      command: `export NO_PROXY="\${NO_PROXY:+$NO_PROXY,}${tool.endpoints.map((e) => e.replace(/^\*\./, '.')).join(',')}"`,
      toolId: tool.id,
    });
  }
  for (const s of proxies) {
    const tool = toolOf(s);
    const system = proxySource(s);
    if (tool) advice.push({ text: `Remove the proxy (${describeSignal(s)}) from ${s.source.replace(/^file:/, '')} unless the tool needs it.`, toolId: tool });
    else if (isSignal(s, 'registry') && s.key.ecosystem === 'npm') {
      advice.push({ text: 'Keep the proxy out of your user .npmrc; npm also honours HTTPS_PROXY per command.', command: `npm config delete ${s.key.setting} --location=user` });
    } else if (system && 'system' in system && system.system === 'gnome') {
      advice.push({ text: 'The system proxy is readable by every app; if only some apps need it, turn it off system-wide and set it for those apps.', command: "gsettings set org.gnome.system.proxy mode 'none'" });
    } else if (system && 'system' in system) {
      advice.push({ text: `The system proxy (${describeSignal(s)}) is readable by every app; if only some apps need it, turn it off system-wide and set it for those apps.` });
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
    const ecosystem = isSignal(s, 'registry') ? s.key.ecosystem : 'package';
    const envVar = /^env:(.+)$/.exec(s.source)?.[1];
    if (envVar) return wrappers([s], tools, `env -u ${envVar}`, `${envVar} unset, so it does not see your ${ecosystem} mirror`);
    const reset = REGISTRY_RESET[ecosystem];
    const text = `Move the ${ecosystem} mirror (${textOf(s) ?? ''}) out of ${s.source.replace(/^file:/, '')} into the projects that need it, so tools reading your user config do not see it.`;
    return [reset ? { text, command: reset } : { text }];
  });
}

function identityAdvice(evidence: Signal[]): Advice[] {
  return evidence.flatMap((s): Advice[] => {
    if (isKind(s, 'email')) {
      return [
        { text: `Use a neutral global git email instead of one at ${emailDomainOf(s) ?? 'your employer'}.`, command: 'git config --global user.email "you@users.noreply.github.com"' },
        { text: 'Set the work email only inside work repositories (run in each one).', command: 'git config user.email "<your work email>"' },
      ];
    }
    if (isKind(s, 'dns')) {
      return [{ text: `The ${describeSignal(s)} is in /etc/resolv.conf, readable by every process; on a personal machine drop it from the connection, otherwise run tools in a container with its own resolv.conf.`, command: 'nmcli connection modify "<connection>" ipv4.dns-search ""' }];
    }
    if (isKind(s, 'hostname')) return [{ text: 'Use a hostname that does not name your employer.', command: 'sudo hostnamectl set-hostname <neutral-name>' }];
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
      const text = `Take ${describeSignal(s)} out of ${s.source.replace(/^file:/, '')} and pass it only when you start ${toolName(tool)}, so tools that read that file do not see it.`;
      return [variable && start ? { text, command: `alias ${start}='${variable}=${textOf(s) ?? ''} ${start}'`, toolId: tool } : { text, toolId: tool }];
    }
    const envVar = envVarOf(s);
    return envVar
      ? wrappers([s], tools, `env -u ${envVar}`, `${envVar} unset if it does not need it (export it only in the wrapper of the tool that does)`)
      : [];
  });
}

/** One item per tool: its env opt-outs as one command, the others (settings, UI toggles) in the text. */
function telemetryAdvice(tools: readonly Tool[]): Advice[] {
  return tools.flatMap((tool): Advice[] => {
    const optOuts = tool.telemetryOptOuts ?? [];
    if (!optOuts.length) return [];
    const isEnv = (o: string) => /^[A-Z_][A-Z0-9_]*=\S+$/.test(o);
    const env = optOuts.filter(isEnv);
    const other = optOuts.filter((o) => !isEnv(o));
    const text = `Turn off ${tool.name} telemetry${other.length ? `: ${other.join('; ')}` : ''}.`;
    return [env.length ? { text, command: `export ${env.join(' ')}`, toolId: tool.id } : { text, toolId: tool.id }];
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
