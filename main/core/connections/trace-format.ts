/**
 * The binary layout of tracefs records, parsed from the kernel's own descriptions rather than
 * hard-coded: `events/sock/inet_sock_set_state/format` for the tracepoint's record and
 * `events/header_page` for the ring buffer page header. Field offsets and sizes change between
 * kernels (and 32/64-bit), so the raw reader uses only what these files say.
 */

export interface FormatField {
  name: string;
  offset: number;
  size: number;
  signed: boolean;
}

export interface TraceFormat {
  /** The event's type id (the record's common_type), or null for the page header. */
  id: number | null;
  fields: Map<string, FormatField>;
}

/** A format file the raw reader cannot use; the capture then falls back to the text trace. */
export class TraceFormatError extends Error {
  override name = 'TraceFormatError';
}

const FIELD = /^\s*field:\s*(.+?);\s*offset:(\d+);\s*size:(\d+);\s*signed:(-?\d+);/;
// The last identifier of a declaration, without an array suffix: "const void * skaddr" -> skaddr, "__u8 saddr[4]" -> saddr.
const FIELD_NAME = /([A-Za-z_]\w*)\s*(?:\[[^\]]*\])?\s*$/;

/** A `format` (or `header_page`) file's fields and ID. */
export function parseTraceFormat(text: string): TraceFormat {
  const fields = new Map<string, FormatField>();
  let id: number | null = null;
  for (const line of text.split('\n')) {
    const idMatch = /^ID:\s*(\d+)\s*$/.exec(line);
    if (idMatch) id = Number(idMatch[1]);
    const match = FIELD.exec(line);
    if (!match) continue;
    const name = FIELD_NAME.exec(match[1]!)?.[1];
    // The first of two fields sharing a name wins (header_page describes `commit` and `overwrite` at one offset).
    if (name && !fields.has(name)) fields.set(name, { name, offset: Number(match[2]), size: Number(match[3]), signed: match[4] === '1' });
  }
  if (fields.size === 0) throw new TraceFormatError('no "field:" lines in the format file');
  return { id, fields };
}

/** The field, of one of `sizes` bytes (any size when none is given). */
function need(format: TraceFormat, name: string, sizes: number[], what: string): FormatField {
  const field = format.fields.get(name);
  if (!field) throw new TraceFormatError(`${what} has no field "${name}"`);
  if (sizes.length > 0 && !sizes.includes(field.size)) throw new TraceFormatError(`${what}: field "${name}" is ${field.size} bytes, expected ${sizes.join(' or ')}`);
  return field;
}

/** Where the ring buffer page header keeps the page's time and its data length, and where records start. */
export interface PageHeaderLayout {
  timestamp: FormatField;
  commit: FormatField;
  /** Offset of the first record. */
  data: number;
}

export function pageHeaderLayout(format: TraceFormat): PageHeaderLayout {
  const what = 'events/header_page';
  return { timestamp: need(format, 'timestamp', [8], what), commit: need(format, 'commit', [4, 8], what), data: need(format, 'data', [], what).offset };
}

/** The record of sock:inet_sock_set_state, every field the capture reads. */
export interface SockStateLayout {
  id: number;
  commonType: FormatField;
  commonPid: FormatField;
  skaddr: FormatField;
  oldstate: FormatField;
  newstate: FormatField;
  sport: FormatField;
  dport: FormatField;
  family: FormatField;
  protocol: FormatField;
  saddr: FormatField;
  daddr: FormatField;
  saddrV6: FormatField;
  daddrV6: FormatField;
  /** Bytes a record must have to hold all of them. */
  size: number;
}

export function sockStateLayout(format: TraceFormat): SockStateLayout {
  const what = 'inet_sock_set_state format';
  if (format.id === null) throw new TraceFormatError(`${what} has no ID line`);
  const f = (name: string, sizes: number[]) => need(format, name, sizes, what);
  const layout = {
    id: format.id,
    commonType: f('common_type', [2]),
    commonPid: f('common_pid', [4]),
    skaddr: f('skaddr', [4, 8]),
    oldstate: f('oldstate', [4]),
    newstate: f('newstate', [4]),
    sport: f('sport', [2]),
    dport: f('dport', [2]),
    family: f('family', [2]),
    protocol: f('protocol', [2]),
    saddr: f('saddr', [4]),
    daddr: f('daddr', [4]),
    saddrV6: f('saddr_v6', [16]),
    daddrV6: f('daddr_v6', [16]),
  };
  const size = Math.max(...Object.values(layout).map((field) => (typeof field === 'number' ? 0 : field.offset + field.size)));
  return { ...layout, size };
}
