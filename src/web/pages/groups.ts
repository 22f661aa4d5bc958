import type { GroupCoverage } from '../../analyze/index.js';
import { plural } from '../format.js';
import { html, type SafeHtml } from '../html.js';

/**
 * A story's coverage by the labels of the outlets file: the groups that have not covered it yet
 * first (what a desk looks for), then per label a table of groups with the outlets carrying it.
 */
export function groupsSection(coverage: GroupCoverage): SafeHtml {
  const unprofiled = coverage.unprofiled.reduce((n, u) => n + u.articles, 0);
  const gaps = coverage.notCovered.length
    ? html`<p><strong>Not covered yet by</strong></p><ul class="not-covered">${coverage.notCovered.map(
        (g) => html`<li><span class="badge badge-conflict">${g.label}: ${g.value}</span> ${g.outlets.join(', ')}</li>`,
      )}</ul>`
    : html`<p>Every group of the outlets file has covered this story.</p>`;
  const tables = coverage.dimensions.map(
    (d) => html`<div class="table-scroll"><table class="data-table groups-table">
  <caption>By ${d.label}</caption>
  <thead><tr><th scope="col">${d.label}</th><th scope="col">Outlets carrying the story</th><th scope="col" class="num">Articles</th><th scope="col">Not yet</th></tr></thead>
  <tbody>${d.groups.map(
    (g) => html`<tr><th scope="row">${g.value}</th><td>${g.covering.length ? g.covering.map((c) => c.outlet).join(', ') : html`<em>none</em>`}</td><td class="num">${g.covering.reduce((n, c) => n + c.articles, 0)}</td><td>${g.missing.join(', ')}</td></tr>`,
  )}</tbody>
</table></div>`,
  );
  return html`<p>${plural(coverage.profiled, 'outlet')} in the outlets file${unprofiled ? html`; ${plural(unprofiled, 'article')} from outlets not in it (${coverage.unprofiled.map((u) => u.source ?? 'no outlet').join(', ')})` : ''}.</p>
${gaps}
${tables}`;
}
