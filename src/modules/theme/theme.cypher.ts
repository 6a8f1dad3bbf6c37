/** Every Cypher statement of the theme domain. */
import { Label, RelType } from '../../neo4j/graph-schema';
import { buildListStatements } from '../../neo4j/list-statement';
import type { RelationshipPath } from '../../neo4j/related';
import { ThematicAreaSortField } from './theme.args';

const { Cluster, Project, ThematicArea } = Label;
const { ADDRESSES, FOCUSES_ON } = RelType;

export const themeListStatements = buildListStatements({
  label: ThematicArea,
  references: [],
  predicates: ['$text IS NULL OR toLower(n.name) CONTAINS $text OR toLower(coalesce(n.code, "")) CONTAINS $text'],
  orderings: {
    [ThematicAreaSortField.NAME]: 'toLower(n.name)',
    // Length first so numbered codes sort by number (TO2 before TO10); one list keeps the
    // sort direction applying to both parts.
    [ThematicAreaSortField.CODE]: '[size(n.code), toLower(n.code)]',
  },
});

export const themePaths = {
  projects: { from: ThematicArea, type: ADDRESSES, to: Project, direction: 'in', orderBy: 'title' },
  clusters: { from: ThematicArea, type: FOCUSES_ON, to: Cluster, direction: 'in', orderBy: 'name' },
} satisfies Record<string, RelationshipPath>;
