/** Responsible for mapping stored organization properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString, provenanceOf } from '../shared/provenance';
import type { Organization } from './organization.type';

type Properties = Record<string, PlainValue>;

/** Maps stored organization properties to an Organization. */
export function toOrganization(node: Properties): Organization {
  return {
    id: String(node.id),
    name: String(node.name),
    country: optionalString(node.country),
    city: optionalString(node.city),
    legalStatus: optionalString(node.legalStatus),
    ...provenanceOf(node),
  };
}
