import { parse } from 'csv-parse/sync';
import { parse as parseGraphql } from 'graphql';
import { readGraphml } from '../../testing/graphml';
import { edgesCsv, nodesCsv, toGraphml, xmlText } from './network.format';
import { parseNetworkOptions } from './network.options';
import type { Network } from './network.type';
import { projectIdsIn, selectsTypename } from './project-ids';

// Names as hostile as the graph could hold them: markup, quotes, an ampersand, control
// characters XML forbids and a lone surrogate.
const nasty = 'A & B <Ltd> "quoted" \'single\'\u0001\u0008 \uD800end';
const network: Network = {
  nodes: 'organizations',
  projectCount: 2,
  nodeList: [
    { id: 'a"&<id>', label: nasty, attributes: { kind: 'organization', country: 'DE', projectCount: 2 } },
    { id: 'b,c', label: 'Plain, with comma', attributes: { kind: 'organization', country: null, projectCount: 1 } },
  ],
  edgeList: [{ source: 'a"&<id>', target: 'b,c', weight: 1, programmeCount: 1 }],
  description: 'coopgraph: a test',
};

describe('toGraphml', () => {
  it('is well-formed GraphML with declared keys, undirected edges and escaped ids and names', () => {
    const document = readGraphml(toGraphml(network));
    expect(document.edgedefault).toBe('undirected');
    expect([...document.keys.values()].map((key) => `${key.for}:${key.name}:${key.type}`).sort()).toEqual(
      ['graph:description:string', 'graph:projectCount:int', 'node:label:string', 'node:kind:string', 'node:country:string', 'node:projectCount:int', 'edge:weight:double', 'edge:programmeCount:int'].sort(),
    );
    expect(document.graph).toEqual({ description: 'coopgraph: a test', projectCount: '2' });
    expect(document.nodes.get('a"&<id>')).toEqual({ label: 'A & B <Ltd> "quoted" \'single\' end', kind: 'organization', country: 'DE', projectCount: '2' });
    // An absent value is left out, not written as an empty string.
    expect(document.nodes.get('b,c')).toEqual({ label: 'Plain, with comma', kind: 'organization', projectCount: '1' });
    expect(document.edges).toEqual([{ source: 'a"&<id>', target: 'b,c', data: { weight: '1', programmeCount: '1' } }]);
  });

  it('drops only the characters XML 1.0 forbids', () => {
    expect(xmlText('tab\there\nline\u00e9\u{1F600}')).toBe('tab\there\nline\u00e9\u{1F600}');
    expect(xmlText('\u0000\u001F\uFFFE\uDC00x')).toBe('x');
  });

  it('the reader refuses what is not GraphML', () => {
    expect(() => readGraphml('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"></graph></graphml>')).toThrow(/well-formed/);
    expect(() => readGraphml('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="undirected"><node id="a"><data key="x">1</data></node></graph></graphml>')).toThrow(/undeclared key/);
  });
});

describe('CSV tables', () => {
  it('write Gephi’s columns, quoted where needed, one row per node and edge', () => {
    // CSV keeps control characters; a lone surrogate has no UTF-8 form and reads back as U+FFFD.
    expect(parse(nodesCsv(network), { columns: true })).toEqual([
      { Id: 'a"&<id>', Label: 'A & B <Ltd> "quoted" \'single\'\u0001\u0008 \uFFFDend', kind: 'organization', country: 'DE', projectCount: '2' },
      { Id: 'b,c', Label: 'Plain, with comma', kind: 'organization', country: '', projectCount: '1' },
    ]);
    expect(parse(edgesCsv(network), { columns: true })).toEqual([{ Source: 'a"&<id>', Target: 'b,c', Type: 'Undirected', Weight: '1', programmeCount: '1' }]);
  });
});

describe('parseNetworkOptions', () => {
  const spell = (option: string) => `--${option}`;

  it('reads a full request with defaults', () => {
    const parsed = parseNetworkOptions({ nodes: 'regions', level: 'NUTS2', programme: 'p', minWeight: '3' }, spell);
    expect(parsed.problems).toEqual([]);
    expect(parsed.options).toMatchObject({ format: 'graphml', table: 'edges', request: { nodes: 'regions', level: 'NUTS2', minWeight: 3, scope: { programmeId: 'p' } } });
  });

  it('lists every problem at once, naming each option', () => {
    const parsed = parseNetworkOptions({ nodes: 'people', format: 'gexf', minWeight: '0', maxNodes: '5', region: ' ' }, spell);
    expect(parsed.problems.map((problem) => problem.option)).toEqual(['nodes', 'format', 'minWeight', 'maxNodes', 'region']);
    expect(parsed.problems[0].message).toBe('--nodes: expected one of organizations, regions, projects, got "people"');
    expect(parsed.problems[3].message).toBe('--maxNodes cannot be set here');
  });

  it('refuses a level for nodes other than regions, and a missing node kind', () => {
    expect(parseNetworkOptions({ nodes: 'projects', level: 'NUTS1' }, spell).problems.map((problem) => problem.message)).toEqual(['--level applies to --nodes regions only']);
    expect(parseNetworkOptions({}, spell).problems.map((problem) => problem.message)).toEqual(['--nodes is required: one of organizations, regions, projects']);
  });
});

describe('projectIdsIn', () => {
  it('finds every Project with __typename and id at any depth, once each', () => {
    const data = {
      projects: { nodes: [{ __typename: 'Project', id: 'p1' }, { __typename: 'Project', id: 'p2', partners: [{ project: { __typename: 'Project', id: 'p1' } }] }] },
      organization: { __typename: 'Organization', id: 'o1', participations: { nodes: [{ project: { __typename: 'Project', id: 'p3' } }] } },
      untyped: { id: 'p4' },
    };
    expect(projectIdsIn(data)).toEqual(['p1', 'p2', 'p3']);
  });

  it('tells whether a query selects __typename', () => {
    expect(selectsTypename(parseGraphql('{ projects { nodes { id } } }'))).toBe(false);
    expect(selectsTypename(parseGraphql('{ projects { nodes { __typename id } } }'))).toBe(true);
  });
});
