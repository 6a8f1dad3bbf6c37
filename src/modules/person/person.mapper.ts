/** Responsible for mapping stored person properties (plain values from the executor) to domain objects. */
import type { PlainValue } from '../../neo4j/mapping';
import { optionalString, provenanceOf } from '../shared/provenance';
import type { Organization } from '../organization/organization.type';
import type { Employment, Person } from './person.type';

type Properties = Record<string, PlainValue>;

/** Maps stored person properties to a Person. */
export function toPerson(node: Properties): Person {
  return {
    id: String(node.id),
    name: String(node.name),
    position: optionalString(node.position),
    ...provenanceOf(node),
  };
}

/** Maps a WORKS_FOR relationship and the organization it leads to to an Employment. */
export function toEmployment(relationship: Properties, organization: Organization): Employment {
  return {
    position: optionalString(relationship.position),
    organization,
    ...provenanceOf(relationship),
  };
}
