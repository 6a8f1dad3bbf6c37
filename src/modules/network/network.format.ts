/**
 * Responsible for writing a network as the files graph tools open: GraphML (Gephi, networkx,
 * igraph, yEd, Cytoscape) with a `<key>` per attribute and undirected edges, and the CSV node
 * and edge tables of Gephi's spreadsheet import (`Id`, `Label` / `Source`, `Target`, `Type`,
 * `Weight`), which pandas, networkx and igraph read as they are.
 */
import { csvField } from '../../seed/seed-tables';
import { type AttributeValue, type Network, NODE_ATTRIBUTES } from './network.type';

/** The file formats a network is written in. */
export const NETWORK_FORMATS = ['graphml', 'csv'] as const;
export type NetworkFormat = (typeof NETWORK_FORMATS)[number];

/** The CSV tables of a network. */
export const NETWORK_TABLES = ['nodes', 'edges'] as const;
export type NetworkTable = (typeof NETWORK_TABLES)[number];

/** The media type of each format; `header=present` tells CSV readers (RFC 4180) the first row names the columns. */
export const CONTENT_TYPES: Record<NetworkFormat, string> = {
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
};

// XML 1.0 allows tab, LF, CR and U+0020 onwards except the surrogates and U+FFFE/U+FFFF; a
// name in the graph holding any other character would make the whole file unreadable.
// eslint-disable-next-line no-control-regex
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe inside an XML attribute value or element: escaped, characters XML forbids dropped. */
export function xmlText(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '').replace(/[&<>"']/g, (character) => XML_ESCAPES[character]);
}

const GRAPHML_TYPES = { string: 'string', int: 'int' } as const;

/** The network as one GraphML document. */
export function toGraphml(network: Network): string {
  const attributes = NODE_ATTRIBUTES[network.nodes];
  const data = (key: string, value: AttributeValue) => (value === null ? '' : `<data key="${key}">${xmlText(String(value))}</data>`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '  xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="description" for="graph" attr.name="description" attr.type="string"/>',
    '  <key id="projectCount" for="graph" attr.name="projectCount" attr.type="int"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    // Key ids are the attribute names prefixed, so a node attribute never shares an id with a graph or edge key.
    ...attributes.map(({ name, type }) => `  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${GRAPHML_TYPES[type]}"/>`),
    // Gephi reads an edge attribute named `weight` as the edge weight; networkx and igraph keep it as an attribute.
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <key id="programmeCount" for="edge" attr.name="programmeCount" attr.type="int"/>',
    `  <graph id="coopgraph-${network.nodes}" edgedefault="undirected">`,
    `    ${data('description', network.description)}${data('projectCount', network.projectCount)}`,
  ];
  for (const node of network.nodeList) {
    const values = attributes.map(({ name }) => data(`n_${name}`, node.attributes[name] ?? null)).join('');
    lines.push(`    <node id="${xmlText(node.id)}">${data('label', node.label)}${values}</node>`);
  }
  network.edgeList.forEach((edge, index) => {
    lines.push(
      `    <edge id="e${index}" source="${xmlText(edge.source)}" target="${xmlText(edge.target)}">${data('weight', edge.weight)}${data('programmeCount', edge.programmeCount)}</edge>`,
    );
  });
  lines.push('  </graph>', '</graphml>');
  return `${lines.join('\n')}\n`;
}

const csvCell = (value: AttributeValue) => csvField(value === null ? '' : String(value));

/** The node table: `Id`, `Label`, then the kind's attributes. */
export function nodesCsv(network: Network): string {
  const attributes = NODE_ATTRIBUTES[network.nodes];
  const lines = [['Id', 'Label', ...attributes.map(({ name }) => name)].join(',')];
  for (const node of network.nodeList) {
    lines.push([node.id, node.label].map(csvCell).concat(attributes.map(({ name }) => csvCell(node.attributes[name] ?? null))).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** The edge table: `Source`, `Target`, `Type` (Undirected), `Weight`, `programmeCount`. */
export function edgesCsv(network: Network): string {
  const lines = ['Source,Target,Type,Weight,programmeCount'];
  for (const edge of network.edgeList) {
    lines.push([csvCell(edge.source), csvCell(edge.target), 'Undirected', edge.weight, edge.programmeCount].join(','));
  }
  return `${lines.join('\n')}\n`;
}
