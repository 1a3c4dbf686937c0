import { defineMermaidSetup } from '@slidev/types'
import { diagramRoles } from '../data/palette'

// Class styles for every diagram, from the shared palette: a node written `A[Encoder]:::enc`
// gets the encoder colour on every slide without a per-diagram classDef.
const roleCss = Object.entries(diagramRoles)
  .map(([role, { fill, stroke }]) => [
    `.node.${role} rect, .node.${role} polygon, .node.${role} circle, .node.${role} path { fill: ${fill} !important; stroke: ${stroke} !important; stroke-width: 2px !important; }`,
    `.node.${role} .nodeLabel, .node.${role} text, .node.${role} span { color: #1a1b1e !important; fill: #1a1b1e !important; }`,
  ].join('\n'))
  .join('\n')

export default defineMermaidSetup(() => ({
  theme: 'base',
  fontFamily: '"Inter Variable", "Noto Sans SC Variable", sans-serif',
  themeVariables: {
    fontSize: '18px',
    primaryColor: '#edf2ff',
    primaryBorderColor: '#3b5bdb',
    lineColor: '#868e96',
  },
  themeCSS: roleCss,
  flowchart: { htmlLabels: true, padding: 12, useMaxWidth: true },
}))
