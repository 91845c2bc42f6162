// Parse a GEXF or GraphML file with graphology's parsers (as Gephi Lite does) and
// print what came through: node and edge counts, and one node's attributes.
// usage: node read_graph.js gexf|graphml FILE [NODE_ID]
const fs = require("fs");
const { DOMParser } = require("@xmldom/xmldom");
const Graph = require("graphology");

const [format, file, nodeId] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf-8");
const parser = format === "gexf" ? require("graphology-gexf") : require("graphology-graphml");
const graph = parser.parse(Graph, new DOMParser().parseFromString(text, "application/xml"));
const node = nodeId && graph.hasNode(nodeId) ? graph.getNodeAttributes(nodeId) : null;
process.stdout.write(JSON.stringify({ order: graph.order, size: graph.size, type: graph.type, node }) + "\n");
