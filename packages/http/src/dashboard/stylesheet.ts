/**
 * The dashboard's only stylesheet, served at `${basePath}/assets/dashboard.css`
 * so the Content-Security-Policy can say `style-src 'self'` and refuse every
 * inline style. Colours are chosen for contrast of at least 4.5:1 for text
 * (white on each stage colour, black on each matrix shade up to shade 2,
 * white from shade 3), and focus is the GOV.UK yellow with a black bar, seen
 * on any background.
 */
export const dashboardStylesheet = `
*, *::before, *::after { box-sizing: border-box; }
html { font-family: "Helvetica Neue", Helvetica, Arial, sans-serif; font-size: 100%; line-height: 1.45; color: #0b0c0c; background: #f3f2f1; }
body { margin: 0; background: #ffffff; }
.wrap { max-width: 1200px; margin: 0 auto; padding: 0 24px; }
a { color: #1d70b8; text-underline-offset: 0.15em; }
a:visited { color: #4c2c92; }
a:hover { color: #003078; text-decoration-thickness: 3px; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, [tabindex]:focus-visible {
  outline: 3px solid transparent; color: #0b0c0c; background-color: #ffdd00; box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none;
}
input:focus-visible, select:focus-visible { background-color: #ffffff; outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: inset 0 0 0 2px #0b0c0c; }
main:focus { outline: none; }
.table-scroll:focus-visible { background-color: #ffffff; outline: 3px solid #ffdd00; box-shadow: 0 0 0 6px #0b0c0c; }
.skip-link { position: absolute; left: -9999px; top: 0; padding: 8px 16px; background: #ffdd00; color: #0b0c0c; }
.skip-link:focus { left: 0; z-index: 10; }

.site-header { background: #0b0c0c; color: #ffffff; border-bottom: 10px solid #1d70b8; }
.site-header__bar { display: flex; justify-content: space-between; align-items: center; padding-top: 12px; padding-bottom: 8px; }
.site-header a { color: #ffffff; }
.site-header a:focus-visible { color: #0b0c0c; }
.site-header__name { font-weight: 700; font-size: 1.5rem; text-decoration: none; }
.site-header__language { font-size: 1rem; }
.site-nav ul { display: flex; flex-wrap: wrap; gap: 4px 24px; list-style: none; margin: 0; padding: 8px 0 12px; }
.site-nav a { font-weight: 700; text-decoration: none; }
.site-nav a:hover { text-decoration: underline; }
.site-nav a[aria-current="page"] { text-decoration: underline; text-decoration-thickness: 3px; }

main { padding-top: 24px; padding-bottom: 48px; }
h1 { font-size: 2.25rem; line-height: 1.1; margin: 0.5em 0 0.4em; }
h2 { font-size: 1.5rem; margin: 1.6em 0 0.5em; }
.lead { font-size: 1.2rem; max-width: 46em; }
.as-of, .muted { color: #505a5f; }
.back { margin: 0 0 8px; }

.filters fieldset { border: 0; margin: 0 0 24px; padding: 16px; background: #f3f2f1; }
.filters legend { font-weight: 700; font-size: 1.2rem; padding: 0; float: left; width: 100%; margin-bottom: 8px; }
.filters__fields { clear: both; display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 12px 20px; }
.field { display: flex; flex-direction: column; }
.field label { font-weight: 700; }
.field__hint { color: #505a5f; font-size: 0.875rem; }
.field input, .field select { font: inherit; margin-top: 4px; padding: 5px; border: 2px solid #0b0c0c; background: #ffffff; color: #0b0c0c; min-height: 40px; width: 100%; }
.filters__actions { display: flex; gap: 20px; align-items: center; margin-top: 16px; }
.button { font: inherit; font-weight: 700; color: #ffffff; background: #00703c; border: 2px solid transparent; box-shadow: 0 2px 0 #002d18; padding: 8px 12px; cursor: pointer; text-decoration: none; display: inline-block; }
.button:hover { background: #005a30; color: #ffffff; }
.button--secondary { background: #f3f2f1; color: #0b0c0c; box-shadow: 0 2px 0 #929191; }
.button--secondary:hover { background: #dbdad9; color: #0b0c0c; }
a.button--secondary:visited { color: #0b0c0c; }
.button:focus-visible { background: #ffdd00; color: #0b0c0c; box-shadow: 0 2px 0 #0b0c0c; border-color: #ffdd00; outline: 3px solid transparent; }

.table-scroll { overflow-x: auto; margin-bottom: 32px; }
table { border-collapse: collapse; width: 100%; font-size: 1rem; }
caption { text-align: left; font-weight: 700; font-size: 1.2rem; padding-bottom: 8px; }
th, td { text-align: left; vertical-align: top; padding: 10px 16px 10px 0; border-bottom: 1px solid #b1b4b6; }
thead th { border-bottom: 2px solid #0b0c0c; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid #0b0c0c; }
.numeric { text-align: right; font-variant-numeric: tabular-nums; }
.column-note { display: block; font-weight: 400; font-size: 0.8rem; color: #505a5f; max-width: 10em; }
.cell-detail { display: block; font-size: 0.85rem; }
abbr[title] { text-decoration: underline dotted; }
.plain-list { margin: 0; padding-left: 1.1em; }
.finding-actions { margin: 4px 0 0; padding-left: 1.1em; font-size: 0.9rem; }
.hash { font-size: 0.8rem; word-break: break-all; }

.matrix-cell { text-align: center; padding-left: 8px; padding-right: 8px; }
.matrix-cell .count { font-size: 1.2rem; font-weight: 700; }
.shade-0 { background: #ffffff; color: #505a5f; }
.shade-1 { background: #e8f1f8; color: #0b0c0c; }
.shade-2 { background: #b7d1e8; color: #0b0c0c; }
.shade-3 { background: #2b6cb0; color: #ffffff; }
.shade-4 { background: #003078; color: #ffffff; }

.tag { display: inline-block; padding: 2px 8px; font-weight: 700; font-size: 0.875rem; background: #e8f1f8; color: #0b0c0c; }
.severity-high { background: #f4cdc6; color: #2a0b06; }
.severity-medium { background: #fcd6c3; color: #4d2509; }
.severity-low { background: #e7e8e9; color: #0b0c0c; }
.action-completed { background: #cce2d8; color: #005a30; }
.action-started { background: #fff7bf; color: #594d00; }
.action-planned { background: #e7e8e9; color: #383f43; }

.summary { display: grid; grid-template-columns: minmax(12em, 16em) 1fr; margin: 0 0 24px; border-top: 1px solid #b1b4b6; }
.summary__row { display: contents; }
.summary dt, .summary dd { margin: 0; padding: 8px 16px 8px 0; border-bottom: 1px solid #b1b4b6; }
.summary dt { font-weight: 700; }

.periods ul { display: flex; gap: 8px; list-style: none; padding: 0; margin: 0 0 16px; }
.periods a { display: inline-block; padding: 6px 12px; border: 2px solid #1d70b8; text-decoration: none; font-weight: 700; }
.periods a[aria-current="page"] { background: #1d70b8; color: #ffffff; }
.pagination ul { display: flex; gap: 24px; list-style: none; padding: 0; }
.error-summary { border: 5px solid #d4351c; padding: 16px; margin-bottom: 24px; }
.error-summary h2 { margin-top: 0; }

.chart { margin: 0 0 16px; }
.chart__svg { display: block; width: 100%; max-width: 760px; height: auto; }
.chart__label, .chart__tick { fill: #0b0c0c; font-size: 13px; }
.chart__value { fill: #ffffff; font-size: 12px; font-weight: 700; }
.chart__grid { stroke: #d8d8d8; stroke-width: 1; }
.chart__axis { stroke: #0b0c0c; stroke-width: 1; }
.chart__line { fill: none; stroke-width: 3; }
.chart__legend { display: flex; flex-wrap: wrap; gap: 4px 20px; list-style: none; padding: 0; margin: 8px 0 0; }
.chart__swatch { display: inline-block; width: 14px; height: 14px; margin-right: 6px; vertical-align: -2px; }
.chart__key { width: 14px; height: 14px; margin-right: 6px; vertical-align: -2px; }
.stage-identified { fill: #505a5f; background: #505a5f; }
.stage-mapped { fill: #1d70b8; background: #1d70b8; }
.stage-coordinated { fill: #4c2c92; background: #4c2c92; }
.stage-signed { fill: #00703c; background: #00703c; }
.stage-implemented { fill: #85520a; background: #85520a; }
.stage-evaluated { fill: #003078; background: #003078; }
.stage-ended { fill: #942514; background: #942514; }
.series-0 { stroke: #1d70b8; fill: #1d70b8; }
.series-1 { stroke: #00703c; fill: #00703c; }
.series-2 { stroke: #d4351c; fill: #d4351c; }
.series-3 { stroke: #4c2c92; fill: #4c2c92; }
.series-4 { stroke: #85520a; fill: #85520a; }
.series-5 { stroke: #0b0c0c; fill: #0b0c0c; }
.series-0 .chart__line, .series-1 .chart__line, .series-2 .chart__line, .series-3 .chart__line, .series-4 .chart__line, .series-5 .chart__line { fill: none; }

.site-footer { border-top: 1px solid #b1b4b6; background: #f3f2f1; padding: 16px 0 32px; color: #0b0c0c; }
@media (max-width: 640px) { .summary { grid-template-columns: 1fr; } h1 { font-size: 1.75rem; } }
`
