import { parse as parseIni } from 'ini';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parseEnv } from 'node:util';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parseDocument } from 'yaml';
import { fail, ok, type Outcome } from '../context.js';
import { bracketsDeeperThan, isStackOverflow, nestedDeeperThan, tooDeep } from '../nesting.js';
import type { ConfigFormat } from './types.js';

/** 1-based line and column of an offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

function parseJson(text: string, comments: boolean): Outcome<unknown> {
  const errors: ParseError[] = [];
  // VS Code-family settings.json allows comments and trailing commas; plain JSON does not.
  const value: unknown = parseJsonc(text, errors, {
    disallowComments: !comments,
    allowTrailingComma: comments,
    allowEmptyContent: true,
  });
  const first = errors[0];
  return first
    ? fail(`invalid JSON at ${lineColumn(text, first.offset)} (${printParseErrorCode(first.error)})`)
    : ok(value ?? {});
}

/** Formats with bracketed nesting ([ ] and { }); ini and env files are flat. */
const NESTED_FORMATS: ReadonlySet<ConfigFormat> = new Set(['json', 'jsonc', 'toml', 'yaml']);

/**
 * Parses a config file's text. Reasons name the position but never quote the file, since a
 * malformed line may hold a secret (parsers' own messages include a code excerpt; it is dropped).
 * A leading BOM is dropped (editors on Windows write one); input nested too deep is a reason.
 */
export function parseConfig(text: string, format: ConfigFormat): Outcome<unknown> {
  if (NESTED_FORMATS.has(format) && bracketsDeeperThan(text)) return fail(tooDeep());
  let parsed: Outcome<unknown>;
  try {
    parsed = parseFormat(text.replace(/^\uFEFF/, ''), format);
  } catch (error) {
    // The parser's message may quote the file: only its kind is kept.
    return fail(isStackOverflow(error) ? tooDeep() : `cannot be parsed (${error instanceof Error ? error.name : 'error'})`);
  }
  return parsed.ok && nestedDeeperThan(parsed.value) ? fail(tooDeep()) : parsed;
}

function parseFormat(text: string, format: ConfigFormat): Outcome<unknown> {
  switch (format) {
    case 'json':
    case 'jsonc':
      return parseJson(text, format === 'jsonc');
    case 'toml':
      try {
        return ok(parseToml(text));
      } catch (error) {
        if (error instanceof TomlError) {
          const what = error.message.split('\n')[0]?.replace(/^Invalid TOML document: /, '') ?? 'invalid';
          return fail(`invalid TOML at line ${error.line}, column ${error.column} (${what})`);
        }
        return fail('invalid TOML');
      }
    case 'yaml': {
      const doc = parseDocument(text);
      const first = doc.errors[0];
      if (!first) {
        try {
          return ok(doc.toJS() ?? {});
        } catch (error) {
          // e.g. too many aliases (a "billion laughs" file)
          return fail(`invalid YAML (${error instanceof Error ? error.message : String(error)})`);
        }
      }
      const at = first.linePos?.[0];
      return fail(`invalid YAML at ${at ? `line ${at.line}, column ${at.col}` : 'unknown position'} (${first.code})`);
    }
    case 'ini':
      return ok(parseIni(text));
    case 'env':
      return ok(parseEnv(text));
  }
}
