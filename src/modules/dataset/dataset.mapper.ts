/** Responsible for mapping stored dataset properties to Dataset objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString } from '../shared/provenance';
import type { Dataset } from './dataset.type';

export function toDataset(node: Record<string, PlainValue>): Dataset {
  return {
    id: String(node.id),
    name: String(node.name),
    url: optionalString(node.url),
    licence: String(node.licence),
    credit: String(node.credit),
    retrieved: optionalString(node.retrieved),
    changes: optionalString(node.changes),
    citesPages: node.sourceUrls === 'required',
  };
}
