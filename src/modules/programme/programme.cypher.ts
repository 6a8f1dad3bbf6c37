/** Every Cypher statement of the programme domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { ProgrammeSortField } from './programme.args';

const { Cluster, Programme, Project, Region } = Label;
const { COVERS, FUNDED_BY, PART_OF, SUPPORTED_BY } = RelType;

export const programmeListStatements = buildListStatements({
  label: Programme,
  references: [{ argument: 'regionId', label: Region }],
  predicates: [
    '$text IS NULL OR toLower(n.name) CONTAINS $text OR toLower(n.shortName) CONTAINS $text',
    // Overlap: a covered region lies in the given one, or the given one lies in a covered region.
    `$regionId IS NULL
      OR EXISTS { (n)-[:${COVERS}]->(:${Region})-[:${PART_OF}*0..]->(:${Region} {id: $regionId}) }
      OR EXISTS { (n)-[:${COVERS}]->(:${Region})<-[:${PART_OF}*1..]-(:${Region} {id: $regionId}) }`,
    '$kind IS NULL OR toLower(n.kind) = $kind',
  ],
  orderings: {
    [ProgrammeSortField.NAME]: 'toLower(n.name)',
    [ProgrammeSortField.ID]: 'n.id',
  },
});

export const programmePaths = {
  projects: { from: Programme, type: FUNDED_BY, to: Project, direction: 'in', orderBy: 'title' },
  coverage: { from: Programme, type: COVERS, to: Region, direction: 'out', orderBy: 'name' },
  clusters: { from: Programme, type: SUPPORTED_BY, to: Cluster, direction: 'in', orderBy: 'name' },
} satisfies Record<string, RelationshipPath>;
