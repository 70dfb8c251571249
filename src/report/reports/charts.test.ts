import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHART_COLOURS, chart, type ChartInput } from './charts.js';

const HOSTILE = `<script>alert("x")</script> & 'quoted' "name" onload=x() url(http://example.com/x)`;

function input(overrides: Partial<ChartInput> = {}): ChartInput {
  return {
    title: 'Documents by type',
    description: 'Policies are the most common type (12) and guidance the least (2).',
    kind: 'bar',
    data: [
      { category: 'Policy', value: 12 },
      { category: 'Procedure', value: 7 },
      { category: 'Guidance', value: 2 },
    ],
    xTitle: 'Type',
    yTitle: 'Documents',
    ...overrides,
  };
}

const STACKED: ChartInput['data'] = [
  { category: 'Policy', series: 'In date', value: 9 },
  { category: 'Policy', series: 'Due soon', value: 2 },
  { category: 'Policy', series: 'Overdue', value: 1 },
  { category: 'Procedure', series: 'In date', value: 6 },
  { category: 'Procedure', series: 'Overdue', value: 1 },
];

const LINES: ChartInput['data'] = ['Jan', 'Feb', 'Mar', 'Apr'].flatMap((month, i) => [
  { category: month, series: 'Approved', value: 3 + i },
  { category: month, series: 'Withdrawn', value: i % 2 },
]);

/** The SVG of a chart's figure. */
function svgOf(html: string): string {
  const found = /<svg\b[\s\S]*<\/svg>/.exec(html);
  if (!found) throw new Error(`no <svg> in ${html.slice(0, 200)}`);
  return found[0];
}

/** The <path> marks inside vega's groups of the given mark type (rect for bars, line, symbol for points). */
function marks(svg: string, type: 'rect' | 'line' | 'symbol'): string[] {
  const groups = svg.matchAll(new RegExp(`<g class="mark-${type} role-mark[^"]*">([\\s\\S]*?)</g>`, 'g'));
  return [...groups].flatMap((group) => [...group[1]!.matchAll(/<path\b[^>]*>/g)].map((m) => m[0]));
}

/** Every start or end tag of the HTML with its attribute values emptied: what is left is markup, not text. */
function tagsOf(html: string): string[] {
  return [...html.matchAll(/<[^>]*>/g)].map((m) => m[0].replace(/="[^"]*"/g, '=""'));
}

/** WCAG's contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

describe('chart', () => {
  it.each([
    ['bar', input(), 'rect', 3],
    ['stacked-bar', input({ kind: 'stacked-bar', data: STACKED }), 'rect', 5],
    ['line (points)', input({ kind: 'line', data: LINES }), 'symbol', 8],
    ['line (lines)', input({ kind: 'line', data: LINES }), 'line', 2],
    ['line, one series', input({ kind: 'line' }), 'line', 1],
  ] as const)('draws a %s chart with one mark per data point', async (_, chartInput, type, count) => {
    expect(marks(svgOf(await chart(chartInput)), type)).toHaveLength(count);
  });

  it('draws bar lengths in proportion to the values', async () => {
    const widths = marks(svgOf(await chart(input())), 'rect').map((p) => Number(/h(\d+(?:\.\d+)?)v/.exec(p)![1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]! / widths[2]!).toBeCloseTo(12 / 2, 1);
    expect(widths[1]! / widths[2]!).toBeCloseTo(7 / 2, 1);
  });

  it('makes one figure: a caption, the description, an SVG image named by both, and a table with scopes', async () => {
    const html = await chart(input({ id: 'types' }));
    expect(html).toMatch(/^<figure class="ppp-chart" id="types">\n<figcaption [^>]*id="types-title">Documents by type/);
    expect(html).toContain('<p class="govuk-body ppp-chart__description" id="types-description">Policies are');
    expect(svgOf(html)).toMatch(/^<svg [^>]*role="img" aria-labelledby="types-title" aria-describedby="types-desc/);
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--s">Documents by type (data');
    expect(html).toContain('<th scope="col" class="govuk-table__header">Type</th>');
    expect(html).toContain('<th scope="col" class="govuk-table__header govuk-table__header--numeric">Documents</th>');
    expect(html).toContain(
      '<th scope="row" class="govuk-table__header">Policy</th>' +
        '<td class="govuk-table__cell govuk-table__cell--numeric">12</td>',
    );
    expect(html).not.toMatch(/hidden|display: ?none/);
    expect(html.trimEnd()).toMatch(/<\/figure>$/);
  });

  it('keeps vega’s ARIA out of the image, which the table already reads out', async () => {
    const svg = svgOf(await chart(input({ kind: 'stacked-bar', data: STACKED })));
    expect(svg.match(/\srole="/g)).toHaveLength(1);
    expect(svg.match(/\saria-[a-z]+="/g)).toHaveLength(2);
  });

  it('sets every text of the SVG in Arial', async () => {
    const svg = svgOf(await chart(input({ kind: 'stacked-bar', data: STACKED })));
    const fonts = new Set([...svg.matchAll(/font-family="([^"]*)"/g)].map((m) => m[1]));
    expect([...fonts]).toEqual(['Arial, sans-serif']);
    expect(svg.match(/<text\b/g)?.length).toBeGreaterThan(5);
  });

  it('colours marks from the GOV.UK palette, at least 3:1 against white, with a legend', async () => {
    for (const colour of CHART_COLOURS) expect(contrast(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(3);
    const svg = svgOf(await chart(input({ kind: 'stacked-bar', data: STACKED })));
    const fills = new Set(marks(svg, 'rect').map((p) => /fill="([^"]*)"/.exec(p)![1]));
    expect([...fills]).toEqual(CHART_COLOURS.slice(0, 3));
    // White edges part neighbouring segments, so they differ from each other by more than colour.
    for (const path of marks(svg, 'rect')) expect(path).toContain('stroke="#ffffff"');
    expect(svg).toContain('role-legend');
    for (const name of ['In date', 'Due soon', 'Overdue']) expect(svg).toContain(`>${name}</text>`);
  });

  it('gives each line its own marker shape as well as its colour', async () => {
    const points = marks(svgOf(await chart(input({ kind: 'line', data: LINES }))), 'symbol');
    const shapes = new Set(points.map((p) => /\sd="([^"]*)"/.exec(p)![1]));
    expect(shapes.size).toBe(2);
  });

  it('tables a stacked chart with a column per series and a total, a missing pair as 0', async () => {
    const html = await chart(input({ kind: 'stacked-bar', data: STACKED }));
    expect(html).toContain(
      '>Type</th><th scope="col" class="govuk-table__header govuk-table__header--numeric">In date',
    );
    expect(html).toMatch(/>Total<\/th><\/tr><\/thead>/);
    expect(html).toMatch(/>Procedure<\/th>(<td [^>]*>(6|0|1|7)<\/td>){4}<\/tr>/);
    expect(html).toContain('--numeric">0</td><td class="govuk-table__cell govuk-table__cell--numeric">1</td>');
  });

  it('tables a missing point of a line as "no value" for a screen reader, not as 0', async () => {
    const html = await chart(
      input({ kind: 'line', data: LINES.filter((d) => d.category !== 'Feb' || d.series === 'Approved') }),
    );
    expect(html).toContain('<span aria-hidden="true">–</span><span class="govuk-visually-hidden">no value</span>');
  });

  it('sums repeated pairs, keeps the order of first appearance and writes thousands with commas', async () => {
    const html = await chart(
      input({
        data: [
          { category: 'Zebra', value: 1000 },
          { category: 'Apple', value: 1 },
          { category: 'Zebra', value: 500 },
        ],
      }),
    );
    expect(html.indexOf('>Zebra</th>')).toBeLessThan(html.indexOf('>Apple</th>'));
    expect(html).toContain('--numeric">1,500</td>');
    const svg = svgOf(html);
    expect(svg.indexOf('>Zebra</text>')).toBeLessThan(svg.indexOf('>Apple</text>'));
    expect(marks(svg, 'rect')).toHaveLength(2);
  });

  it.each(['bar', 'stacked-bar', 'line'] as const)(
    'escapes hostile names in the SVG, the table and the caption (%s)',
    async (kind) => {
      const data =
        kind === 'bar'
          ? [
              { category: HOSTILE, value: 3 },
              { category: 'B & <c>', value: 1 },
            ]
          : [
              { category: HOSTILE, series: HOSTILE, value: 3 },
              { category: 'Plain', series: 'B & <c>', value: 1 },
            ];
      const html = await chart(
        input({ kind, data, title: HOSTILE, description: HOSTILE, xTitle: HOSTILE, yTitle: HOSTILE }),
      );
      expect(html).not.toMatch(/<script|<\/script/i);
      for (const tag of tagsOf(html)) expect(tag).not.toMatch(/\s(xlink:)?href=|\son[a-z]+=/i);
      expect(html).toContain('<th scope="row" class="govuk-table__header">&lt;script&gt;alert(&quot;x&quot;)');
      expect(html).toContain('B &amp; &lt;c&gt;</th>');
      expect(svgOf(html)).toContain('>&lt;script&gt;alert(');
      expect(svgOf(html)).toContain('>B &amp; &lt;c&gt;</text>');
      // Every tag is one a chart is made of: the name never became markup.
      const names = new Set([...html.matchAll(/<([a-zA-Z]+)/g)].map((m) => m[1]));
      expect(
        [...names].filter(
          (t) =>
            !/^(figure|figcaption|p|div|svg|rect|g|path|line|text|table|caption|thead|tbody|tr|th|td|span)$/.test(t!),
        ),
      ).toEqual([]);
    },
  );

  it('makes no request: no href, no script, no url() other than to its own parts', async () => {
    for (const chartInput of [
      input(),
      input({ kind: 'stacked-bar', data: STACKED }),
      input({ kind: 'line', data: LINES }),
    ]) {
      const svg = svgOf(await chart(chartInput));
      expect(svg).not.toMatch(/href|<script|<image|<foreignObject|@import|url\((?!#)/i);
    }
  });

  it('gives two charts different ids, and the ids inside an SVG its own prefix', async () => {
    const [one, two] = await Promise.all([chart(input()), chart(input({ title: 'Other' }))]);
    const idsOf = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]!);
    const [a, b] = [idsOf(one), idsOf(two)];
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    const figure = a[0]!;
    for (const id of a) expect(id.startsWith(figure)).toBe(true);
  });

  it('gives an empty data set a figure that says there is no data, not a crash or a blank chart', async () => {
    const html = await chart(input({ data: [], id: 'none' }));
    expect(html).toContain('<figcaption class="govuk-heading-s ppp-chart__title" id="none-title">Documents by type');
    expect(html).toContain('<div class="govuk-inset-text">There is no data for this chart in this period.</div>');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<table');
  });

  it.each([
    ['a bar chart with series', input({ data: STACKED }), /one series/],
    ['a value that is not a number', input({ data: [{ category: 'x', value: Number.NaN }] }), /no finite value/],
    ['an id that is not one', input({ id: '1 "x"' }), /chart id/],
  ])('refuses %s with a message', async (_, chartInput, message) => {
    await expect(chart(chartInput)).rejects.toThrow(message);
  });

  it('loads vega only when a chart is drawn, so that other commands start without it', () => {
    const source = readFileSync(new URL('./charts.ts', import.meta.url), 'utf8');
    const staticImports = [...source.matchAll(/^import\s+(?!type\b)[^;]*from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(staticImports.filter((m) => m!.startsWith('vega'))).toEqual([]);
    expect(source).toContain("import('vega')");
  });
});
