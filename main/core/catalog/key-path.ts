/** A value found in a parsed config file, with the concrete key path it was found at. */
export interface FoundValue {
  key: string;
  value: unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * Every value at a dotted key path. "*" matches each key or array index at its level. Keys that
 * contain dots are matched as written, so "http.proxy" finds VS Code's flat {"http.proxy": ...} and
 * "a.b.c" finds {"a.b": {"c": ...}} as well as {"a": {"b": {"c": ...}}}.
 */
export function findAtKeyPath(root: unknown, keyPath: string): FoundValue[] {
  const found: FoundValue[] = [];
  const walk = (node: unknown, rest: string[], trail: string[]): void => {
    if (rest.length === 0) {
      found.push({ key: trail.join('.'), value: node });
      return;
    }
    if (!isRecord(node)) return;
    if (rest[0] === '*') {
      for (const [key, child] of Object.entries(node)) walk(child, rest.slice(1), [...trail, key]);
      return;
    }
    for (let take = 1; take <= rest.length; take++) {
      if (rest.slice(0, take).includes('*')) break;
      const key = rest.slice(0, take).join('.');
      if (Object.hasOwn(node, key)) walk(node[key], rest.slice(take), [...trail, key]);
    }
  };
  walk(root, keyPath.split('.'), []);
  return found;
}
