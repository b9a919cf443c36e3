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

/** The collection part of an answer: `data`, or `data.data` where LinkedIn nests it (v2). */
export function collectionOf(json: unknown): Entity | undefined {
  const data = dataOf(json);
  if (data && ('*elements' in data || 'elements' in data)) return data;
  return isRecord(data?.data) ? data.data : data;
}

/** `*elements` (or `elements` of URNs) of the collection. */
export function elementUrns(json: unknown): string[] {
  const collection = collectionOf(json);
  const refs = collection?.['*elements'] ?? collection?.elements;
  return Array.isArray(refs) ? refs.filter((r): r is string => typeof r === 'string') : [];
}

/** Every object anywhere in the answer (data and included), depth first. */
export function allObjects(json: unknown): Entity[] {
  const found: Entity[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isRecord(value)) {
      found.push(value);
      Object.values(value).forEach(visit);
    }
  };
  visit(json);
  return found;
}

/** True when any string anywhere inside the value contains the needle. */
export function mentions(value: unknown, needle: string): boolean {
  if (typeof value === 'string') return value.includes(needle);
  if (Array.isArray(value)) return value.some((v) => mentions(v, needle));
  if (isRecord(value)) return Object.values(value).some((v) => mentions(v, needle));
  return false;
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

/**
 * True when the answer holds a collection (`*elements` or `elements`) where
 * LinkedIn puts one: data, data.data, or a GraphQL operation under data.data.
 * Only such an answer may say "it is not there"; anything else is unreadable.
 */
export function hasCollection(json: unknown): boolean {
  const isCollection = (v: unknown) => isRecord(v) && (Array.isArray(v['*elements']) || Array.isArray(v.elements));
  const data = dataOf(json);
  if (!data) return false;
  if (isCollection(data)) return true;
  const inner = data.data;
  return isCollection(inner) || (isRecord(inner) && Object.values(inner).some(isCollection));
}
