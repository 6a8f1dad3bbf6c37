import { Label, RelType } from '../../neo4j/graph-schema';
import { relatedCypher } from '../../neo4j/related';
import { degreePattern, fieldSpecs } from './relationship-fields';
import { PATHS, RELATIONSHIPS } from './relationships';

describe('degreePattern: counting a field by the owner degree', () => {
  it('is used when the seed format lets the type end only at the target label', () => {
    // seed-files.ts: PARTICIPATES_IN is Organization → Project only.
    expect(degreePattern(RelType.PARTICIPATES_IN, 'out', Label.Organization, Label.Project)).toBe('(s)-[:PARTICIPATES_IN]->()');
    expect(degreePattern(RelType.PARTICIPATES_IN, 'in', Label.Project, Label.Organization)).toBe('(s)<-[:PARTICIPATES_IN]-()');
  });

  it('is not used when the other end may carry another label', () => {
    // BASED_IN ends at a Region from a Cluster or an Organization: a region's degree counts both.
    expect(degreePattern(RelType.BASED_IN, 'in', Label.Region, Label.Organization)).toBeUndefined();
    // PRESENTED_AT leaves a Project for an Event, never for a Cluster.
    expect(degreePattern(RelType.PRESENTED_AT, 'out', Label.Project, Label.Cluster)).toBeUndefined();
  });

  it('the batched statement counts by degree for a one-hop field, and by visiting targets for a path', () => {
    const specs = fieldSpecs(RELATIONSHIPS, PATHS);
    const participations = specs.find((spec) => spec.key === 'Organization.participations')!;
    const counted = relatedCypher(participations.path, { withTotal: true });
    expect(counted).toContain('RETURN COUNT { (s)-[:PARTICIPATES_IN]->() } AS totalCount');
    expect(relatedCypher(participations.path, { withTotal: false })).not.toContain('totalCount');

    const pathSpec = specs.find((spec) => spec.path.distinct)!;
    expect(relatedCypher(pathSpec.path, { withTotal: true })).toContain('RETURN count(DISTINCT n) AS totalCount');
  });
});

describe('aggregate fields: counts and sums without items', () => {
  const specs = fieldSpecs(RELATIONSHIPS, PATHS);
  const budget = specs.find((spec) => spec.key === 'Programme.budgetSumEur')!;

  it('sum a property once per distinct target, fetching no items', () => {
    const cypher = relatedCypher(budget.path, { withTotal: false, aggregate: { sum: 'totalBudgetEur' } });
    expect(cypher).toContain('WITH DISTINCT n');
    expect(cypher).toContain('RETURN round(sum(n.totalBudgetEur), 2) AS sum');
    expect(cypher).not.toContain('collect(');
    expect(cypher).not.toContain('LIMIT');
  });

  it('count distinct targets of a path without the items subquery', () => {
    const partners = specs.find((spec) => spec.key === 'Programme.partnerCount')!;
    const cypher = relatedCypher(partners.path, { withTotal: true, aggregate: { count: true } });
    expect(cypher).toContain('RETURN count(DISTINCT n) AS totalCount');
    expect(cypher).not.toContain('collect(');
  });

  it('refuses to build a sum over anything but a plain property name', () => {
    expect(() => relatedCypher(budget.path, { withTotal: false, aggregate: { sum: 'x) RETURN 1 //' } })).toThrow('"x) RETURN 1 //" is not a property name');
  });

  it('declare counts with a sub-region switch on regions only', () => {
    expect(specs.find((spec) => spec.key === 'Region.projectCount')?.end.variant?.argument).toBe('includeSubRegions');
    expect(specs.find((spec) => spec.key === 'ThematicArea.projectCount')?.end.variant).toBeUndefined();
  });
});
