/**
 * Responsible for reading GraphML in tests with a real, strict XML parser (saxes, which the
 * project has through exceljs): a document that is not well-formed XML throws, and so does
 * one that breaks the GraphML rules graph tools rely on (data under an undeclared key or one
 * declared for another element, duplicate node ids, edges to unknown nodes, directed edges).
 */
import { SaxesParser } from 'saxes';

const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

export interface GraphmlKey {
  for: string;
  name: string;
  type: string;
}

export interface GraphmlDocument {
  keys: Map<string, GraphmlKey>;
  edgedefault: string;
  /** Graph-level data by attribute name. */
  graph: Record<string, string>;
  /** Node data by attribute name, per node id. */
  nodes: Map<string, Record<string, string>>;
  edges: Array<{ source: string; target: string; data: Record<string, string> }>;
}

/** Parses `xml`, checking it is well-formed GraphML; attribute values are returned as the text the file holds. */
export function readGraphml(xml: string): GraphmlDocument {
  const parser = new SaxesParser({ xmlns: true });
  const document: GraphmlDocument = { keys: new Map(), edgedefault: '', graph: {}, nodes: new Map(), edges: [] };
  const stack: string[] = [];
  let owner: { kind: 'graph' | 'node' | 'edge'; data: Record<string, string> } | undefined;
  let dataKey: string | undefined;
  let text = '';
  let failure: Error | undefined;
  const fail = (message: string) => {
    failure ??= new Error(message);
  };
  parser.on('error', (error) => fail(`not well-formed XML: ${error.message}`));
  parser.on('opentag', (tag) => {
    const attribute = (name: string) => tag.attributes[name]?.value;
    if (tag.uri !== GRAPHML_NS) fail(`<${tag.name}> is not in the GraphML namespace`);
    stack.push(tag.local);
    switch (tag.local) {
      case 'key':
        document.keys.set(attribute('id') ?? '', { for: attribute('for') ?? '', name: attribute('attr.name') ?? '', type: attribute('attr.type') ?? '' });
        break;
      case 'graph':
        document.edgedefault = attribute('edgedefault') ?? '';
        owner = { kind: 'graph', data: document.graph };
        break;
      case 'node': {
        const id = attribute('id') ?? '';
        if (document.nodes.has(id)) fail(`node id "${id}" appears twice`);
        const data: Record<string, string> = {};
        document.nodes.set(id, data);
        owner = { kind: 'node', data };
        break;
      }
      case 'edge': {
        if (attribute('directed') === 'true') fail('an edge is directed');
        const edge = { source: attribute('source') ?? '', target: attribute('target') ?? '', data: {} };
        document.edges.push(edge);
        owner = { kind: 'edge', data: edge.data };
        break;
      }
      case 'data':
        dataKey = attribute('key');
        text = '';
        break;
      default:
        break;
    }
  });
  parser.on('text', (chunk) => {
    if (dataKey !== undefined) text += chunk;
  });
  parser.on('closetag', (tag) => {
    stack.pop();
    if (tag.local === 'data' && owner && dataKey !== undefined) {
      const key = document.keys.get(dataKey);
      if (!key) fail(`data under undeclared key "${dataKey}"`);
      else if (key.for !== owner.kind) fail(`key "${dataKey}" is declared for ${key.for}, used on a ${owner.kind}`);
      else owner.data[key.name] = text;
      dataKey = undefined;
    }
  });
  parser.write(xml).close();
  if (failure) throw failure;
  if (document.edgedefault !== 'undirected') throw new Error(`edgedefault is "${document.edgedefault}", not undirected`);
  for (const edge of document.edges) {
    if (!document.nodes.has(edge.source) || !document.nodes.has(edge.target)) throw new Error(`edge ${edge.source}–${edge.target} names a node the graph lacks`);
  }
  return document;
}
