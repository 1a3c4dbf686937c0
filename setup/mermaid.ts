import { defineMermaidSetup } from '@slidev/types'
import { diagramRoles, ink, neutral, paper, primary } from '../data/palette'

// Class styles for every diagram, from the shared palette: a node written `A[Encoder]:::enc`
// gets the encoder colour on every slide without a per-diagram classDef.
const roleCss = Object.entries(diagramRoles)
  .map(([role, { fill, stroke }]) => [
    `.node.${role} rect, .node.${role} polygon, .node.${role} circle, .node.${role} path { fill: ${fill} !important; stroke: ${stroke} !important; stroke-width: 2px !important; }`,
    `.node.${role} .nodeLabel, .node.${role} text, .node.${role} span { color: ${ink} !important; fill: ${ink} !important; }`,
  ].join('\n'))
  .join('\n')

// In dark mode Slidev renders with Mermaid's dark theme, whose edge labels are light grey on a mid
// grey box: set them as light text on the slide's own background instead.
const darkEdgeLabelCss = [
  `.edgeLabel, .edgeLabel p, .edgeLabel rect, .labelBkg { background-color: ${paper.dark} !important; fill: ${paper.dark} !important; opacity: 1 !important; }`,
  `.edgeLabel, .edgeLabel p, .edgeLabel span, .edgeLabel text { color: ${paper.darkInk} !important; }`,
].join('\n')

export default defineMermaidSetup(() => {
  // called for every render; the colour scheme is the page's at that moment
  const dark = typeof document !== 'undefined' && document.documentElement.classList.contains('dark')
  return {
    theme: 'base',
    fontFamily: '"Inter Variable", "Noto Sans SC Variable", sans-serif',
    themeVariables: {
      fontSize: '18px',
      primaryColor: primary.tint,
      primaryBorderColor: primary.light,
      lineColor: neutral.muted,
    },
    themeCSS: dark ? `${roleCss}\n${darkEdgeLabelCss}` : roleCss,
    flowchart: { htmlLabels: true, padding: 12, useMaxWidth: true },
  }
})
