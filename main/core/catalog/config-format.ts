import { parse as parseIni } from 'ini';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseEnv } from 'node:util';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parseDocument } from 'yaml';
import { fail, ok, type Outcome } from '../context.js';
import { bracketsDeeperThan, isStackOverflow, MAX_NESTING, nestedDeeperThan } from '../nesting.js';
import type { ConfigFormat } from './types.js';

/** A format as a reason names it. */
const FORMAT_NAMES: Readonly<Record<ConfigFormat, string>> = { json: 'JSON', jsonc: 'JSON', toml: 'TOML', yaml: 'YAML', ini: 'INI', env: '.env' };

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Where and why a parser stopped, for a file in `format`. */
type Stop = { line?: number; column?: number; detail?: string };
const invalid = (format: string, stop: Stop = {}): Outcome<never> => fail({ id: 'reason.config.unparsable', format, ...stop });
const tooDeep = (format: string): Outcome<never> => fail({ id: 'reason.config.too-deep', format, max: MAX_NESTING });

function parseJson(text: string, comments: boolean, format: string): Outcome<unknown> {
  const errors: ParseError[] = [];
  // VS Code-family settings.json allows comments and trailing commas; plain JSON does not.
  const value: unknown = parseJsonc(text, errors, {
    disallowComments: !comments,
    allowTrailingComma: comments,
    allowEmptyContent: true,
  });
  const first = errors[0];
  return first ? invalid(format, { ...lineColumn(text, first.offset), detail: printParseErrorCode(first.error) }) : ok(value ?? {});
}

/** Formats with bracketed nesting ([ ] and { }); ini and env files are flat. */
const NESTED_FORMATS: ReadonlySet<ConfigFormat> = new Set(['json', 'jsonc', 'toml', 'yaml']);

/**
 * Parses a config file's text. Reasons name the position but never quote the file, since a
 * malformed line may hold a secret (parsers' own messages include a code excerpt; it is dropped).
 * A leading BOM is dropped (editors on Windows write one); input nested too deep is a reason.
 */
export function parseConfig(text: string, format: ConfigFormat, name: string = FORMAT_NAMES[format]): Outcome<unknown> {
  if (NESTED_FORMATS.has(format) && bracketsDeeperThan(text)) return tooDeep(name);
  let parsed: Outcome<unknown>;
  try {
    parsed = parseFormat(text.replace(/^\uFEFF/, ''), format, name);
  } catch (error) {
    // The parser's message may quote the file: only its kind is kept.
    return isStackOverflow(error) ? tooDeep(name) : invalid(name, { detail: error instanceof Error ? error.name : 'Error' });
  }
  return parsed.ok && nestedDeeperThan(parsed.value) ? tooDeep(name) : parsed;
}

function parseFormat(text: string, format: ConfigFormat, name: string): Outcome<unknown> {
  switch (format) {
    case 'json':
    case 'jsonc':
      return parseJson(text, format === 'jsonc', name);
    case 'toml':
      try {
        return ok(parseToml(text));
      } catch (error) {
        if (error instanceof TomlError) {
          const what = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '');
          return invalid(name, { line: error.line, column: error.column, ...(what ? { detail: what } : {}) });
        }
        return invalid(name);
      }
    case 'yaml': {
      const doc = parseDocument(text);
      const first = doc.errors[0];
      if (!first) {
        try {
          return ok(doc.toJS() ?? {});
        } catch (error) {
          // e.g. too many aliases (a "billion laughs" file)
          return invalid(name, { detail: error instanceof Error ? error.message : String(error) });
        }
      }
      const at = first.linePos?.[0];
      return invalid(name, { ...(at ? { line: at.line, column: at.col } : {}), detail: first.code });
    }
    case 'ini':
      return ok(parseIni(text));
    case 'env':
      return ok(parseEnv(text));
  }
}
