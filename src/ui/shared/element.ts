/** The pages' element lookup: a missing id is a bug in the page, named with the page it is missing from. */
export function elementsOf(page: string, root: Document = document) {
  return <T extends HTMLElement>(id: string): T => {
    const el = root.getElementById(id);
    if (!el) throw new Error(`${page} is missing #${id}`);
    return el as T;
  };
}
