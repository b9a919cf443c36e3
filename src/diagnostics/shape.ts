/**
 * The shape of a LinkedIn answer as key paths and types, never values: what
 * "Check LinkedIn" reports and a maintainer can act on without seeing
 * anyone's data. Keys that are themselves identifiers (URNs, numbers) are
 * replaced by a placeholder. Pure.
 */
const MAX_LINES = 60;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `array(${value.length})`;
  return typeof value;
}

function safeKey(key: string): string {
  if (/^urn:/i.test(key)) return '<urn>';
  if (/^\d+$/.test(key)) return '<n>';
  return key.length > 60 ? '<long key>' : key;
}

/** `path: type` lines, depth first, arrays described by their first element. */
export function describeShape(json: unknown, maxDepth = 3): string[] {
  const lines: string[] = [];
  const visit = (value: unknown, path: string, depth: number): void => {
    if (lines.length >= MAX_LINES) return;
    lines.push(`${path || '(root)'}: ${typeOf(value)}`);
    if (depth >= maxDepth) return;
    if (Array.isArray(value)) {
      if (value.length > 0) visit(value[0], `${path}[0]`, depth + 1);
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of Object.entries(value))
        visit(child, path ? `${path}.${safeKey(key)}` : safeKey(key), depth + 1);
    }
  };
  visit(json, '', 0);
  return lines;
}
