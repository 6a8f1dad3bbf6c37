/**
 * Responsible for finding the projects a GraphQL result holds: every object whose `__typename`
 * is `Project` and that has an `id`, at any depth (lists, connections, nested fields).
 */
import { type DocumentNode, Kind, visit } from 'graphql';

/** Project ids in the order first met, each once. */
export function projectIdsIn(data: unknown): string[] {
  const ids = new Set<string>();
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
    } else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (record.__typename === 'Project' && typeof record.id === 'string') ids.add(record.id);
      for (const child of Object.values(record)) walk(child);
    }
  };
  walk(data);
  return [...ids];
}

/**
 * True when the document selects `__typename` somewhere: without it no object of the result
 * says it is a Project, and an empty network would hide the mistake.
 */
export function selectsTypename(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](field) {
      if (field.name.value === '__typename') found = true;
    },
  });
  return found;
}
