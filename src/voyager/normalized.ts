/**
 * Helpers for LinkedIn's normalized JSON ({ data, included }): references are
 * keys starting with `*` that name entities in `included` by `entityUrn`.
 * Pure, defensive: anything unexpected yields undefined, never a guess.
 */
export type Entity = Record<string, unknown>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function dataOf(json: unknown): Entity | undefined {
  if (!isRecord(json)) return undefined;
  return isRecord(json.data) ? json.data : undefined;
}

export function includedOf(json: unknown): Entity[] {
  if (!isRecord(json) || !Array.isArray(json.included)) return [];
  return json.included.filter(isRecord);
}

export function entityByUrn(json: unknown, urn: string): Entity | undefined {
  return includedOf(json).find((e) => e.entityUrn === urn);
}

export function stringField(entity: Entity | undefined, key: string): string | undefined {
  const value = entity?.[key];
  return typeof value === 'string' ? value : undefined;
}

/** `*elements` (or `elements` of URNs) of the data part. */
export function elementUrns(json: unknown): string[] {
  const data = dataOf(json);
  const refs = data?.['*elements'] ?? data?.elements;
  return Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
}

/** Every string anywhere in the JSON that matches the pattern (first found first). */
export function findUrns(json: unknown, pattern: RegExp): string[] {
  const found: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const m = value.match(pattern);
      if (m && !found.includes(m[0])) found.push(m[0]);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (isRecord(value)) {
      Object.values(value).forEach(visit);
    }
  };
  visit(json);
  return found;
}

/** The tail of a profile-like URN (fsd_profile, fs_miniProfile, fsd_memberRelationship, …). */
export function urnTail(urn: string): string | undefined {
  const m = /^urn:li:[A-Za-z_]+:([^:(),]+)$/.exec(urn);
  return m?.[1];
}
