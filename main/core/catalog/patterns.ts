/**
 * Builders for the command-line regexes in the catalog. They anchor a match on an interpreter
 * (node, bun, deno, python) running the tool's script or package, so that `vim .../codex` or
 * `node /x/cli.js` is not mistaken for a tool. Quoted Windows paths with spaces are handled.
 */

const INTERPRETER = String.raw`(?:node|nodejs|bun|deno|python(?:\d+(?:\.\d+)*)?|pythonw)(?:\.exe)?`;
/** The interpreter as the first token, bare, with a path, or quoted, then any options. */
const LAUNCH = String.raw`^(?:"(?:[^"]*[\\/])?${INTERPRETER}"|(?:[^"\s]*[\\/])?${INTERPRETER})(?:\s+-{1,2}[^\s"]+)*\s+`;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An interpreter running a script (or python module) whose base name is `name`, e.g. `node /usr/bin/codex`. */
export function script(name: string): RegExp {
  const base = `${escape(name)}(?:\\.(?:js|mjs|cjs|py))?`;
  return new RegExp(`${LAUNCH}(?:"(?:[^"]*[\\\\/])?${base}"|(?:[^"\\s]*[\\\\/])?${base})(?=\\s|$)`, 'i');
}

/** An interpreter running any file inside an installed npm package, e.g. `@openai/codex`. */
export function nodePackage(pkg: string): RegExp {
  const dir = `node_modules[\\\\/]${pkg.split('/').map(escape).join('[\\\\/]')}[\\\\/]`;
  return new RegExp(`${LAUNCH}(?:"[^"]*${dir}[^"]*"|[^"\\s]*${dir}\\S*)(?=\\s|$)`, 'i');
}

/** A path segment anywhere in the command line, e.g. an app bundle "/Cursor.app/". */
export function pathSegment(segment: string): RegExp {
  return new RegExp(`[\\\\/]${segment.split('/').map(escape).join('[\\\\/]')}[\\\\/]`, 'i');
}
