/**
 * Charts for the HTML reports of `ppp report`: data in, an accessible <figure> out. vega-lite draws the chart as an
 * inline SVG (no script, no external reference, text in Arial); the figure's caption names it, a sentence describes
 * it, and a visible GOV.UK table beside it gives every number, so no reader depends on the picture or on its colours.
 *
 * vega and vega-lite are loaded inside chart(), not at the top, so that every other ppp command starts without them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml, table } from '../site/layout.js';

export type ChartKind = 'bar' | 'stacked-bar' | 'line';

export interface ChartDatum {
  category: string;
  /** The series of a stacked bar or of one of several lines; absent for a plain bar chart or a single line. */
  series?: string;
  value: number;
}

export interface ChartInput {
  title: string;
  /** The text alternative: one or two sentences on what the chart shows, such as its biggest and smallest values. */
  description: string;
  /** 'bar' and 'stacked-bar' draw horizontal bars, which leave room for long names; 'line' runs left to right. */
  kind: ChartKind;
  /** In the order to show: categories and series keep the order in which they first appear. */
  data: ChartDatum[];
  /** What the categories are: the axis down the side of a bar chart, along the bottom of a line chart. */
  xTitle: string;
  /** What the values are. */
  yTitle: string;
  /** The figure's id; made from the input when absent. Give one when a page has two charts of the same data. */
  id?: string;
}

/**
 * Series colours from the GOV.UK palette, each at least 4.4:1 against white (WCAG 1.4.11 asks 3:1), ordered so that
 * neighbours differ in hue and lightness. Stacked segments are also parted by white lines, and a legend, the table and
 * (on lines) a marker shape per series carry the same information without colour.
 */
export const CHART_COLOURS: readonly string[] = [
  '#1d70b8', // blue
  '#b7592a', // orange, shade 25%
  '#0f385c', // blue, shade 50%
  '#ca357c', // magenta
  '#0f7a52', // green
  '#484949', // black, tint 25%
  '#54319f', // purple
  '#99704a', // brown
];

const SHAPES = ['circle', 'square', 'triangle-up', 'diamond', 'triangle-down', 'cross', 'triangle-left', 'wedge'];

const TEXT_COLOUR = '#0b0c0c';
const FONT = 'Arial, sans-serif';
const FONT_SIZE = 14;
const PLOT_WIDTH = 480;
const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

// Helvetica's advance widths in thousandths of an em, for ' ' to '~'; Arial and Liberation Sans share them.
// prettier-ignore
const ARIAL_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Returns the width in pixels of the text set in Arial at the size; bold runs about 8% wider. */
function arialWidth(text: string, fontSize: number, isBold = false): number {
  let units = 0;
  for (const c of text) units += ARIAL_WIDTHS[c.charCodeAt(0) - 32] ?? 556;
  return ((units * fontSize) / 1000) * (isBold ? 1.08 : 1);
}

interface TextItem {
  fontSize?: number;
  fontWeight?: string | number;
  limit?: number;
}

/**
 * Without node-canvas, vega guesses 0.8 em for every character, which cuts names short and leaves wide margins.
 * Measure with Arial's widths instead. vega asks both for a text as drawn (cut to the item's limit with an ellipsis)
 * and, while cutting, for each candidate; the smaller of the width and the limit answers both.
 */
function measureText(item: TextItem, text: unknown): number {
  const width = arialWidth(
    String(text ?? '').trim(),
    item.fontSize ?? 11,
    item.fontWeight === 'bold' || Number(item.fontWeight) >= 600,
  );
  return item.limit !== undefined && item.limit > 0 ? Math.min(width, item.limit) : width;
}

interface Prepared {
  id: string;
  categories: string[];
  series: string[];
  /** One row per category and series, values summed, with the indexes that fix the drawing order. */
  rows: { category: string; series: string; value: number; categoryIndex: number; seriesIndex: number }[];
}

/** A short stable id from the chart's content, so that two charts on one page differ without a counter. */
function contentId(input: ChartInput): string {
  const text = JSON.stringify([input.title, input.kind, input.xTitle, input.yTitle, input.data]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `ppp-chart-${hash.toString(36)}`;
}

function prepare(input: ChartInput): Prepared {
  const id = input.id ?? contentId(input);
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw new Error(`A chart id must be a letter then letters, digits, - or _: ${id}`);
  const hasSeries = input.data.some((d) => d.series !== undefined);
  if (input.kind === 'bar' && hasSeries) {
    throw new Error(`Chart "${input.title}": a bar chart has one series; draw several as 'stacked-bar' or 'line'`);
  }
  const categories: string[] = [];
  const series: string[] = [];
  const sums = new Map<string, number>();
  for (const d of input.data) {
    if (!Number.isFinite(d.value)) throw new Error(`Chart "${input.title}": ${d.category} has no finite value`);
    const name = d.series ?? '';
    if (!categories.includes(d.category)) categories.push(d.category);
    if (!series.includes(name)) series.push(name);
    const key = JSON.stringify([d.category, name]);
    sums.set(key, (sums.get(key) ?? 0) + d.value);
  }
  const rows = [...sums].map(([key, value]) => {
    const [category, name] = JSON.parse(key) as [string, string];
    return {
      category,
      series: name,
      value,
      categoryIndex: categories.indexOf(category),
      seriesIndex: series.indexOf(name),
    };
  });
  return { id, categories, series: hasSeries ? series : [], rows };
}

/** Returns the vega-lite specification of the chart. Orders come from index fields, never from names in expressions. */
function specification(input: ChartInput, prepared: Prepared): TopLevelSpec {
  const isMultiple = prepared.series.length > 0;
  const isWhole = prepared.rows.every((r) => Number.isInteger(r.value));
  const valueAxis = { title: input.yTitle, format: isWhole ? ',d' : ',', ...(isWhole ? { tickMinStep: 1 } : {}) };
  const colourScale = { domain: prepared.series, range: CHART_COLOURS.slice(0, Math.max(prepared.series.length, 1)) };
  const legend = { title: null, orient: 'top' as const, columns: Math.min(prepared.series.length, 3), symbolSize: 150 };
  const config = {
    // The <svg> is one image (role="img") named by the caption; vega's ARIA for each mark would repeat the table.
    aria: false,
    font: FONT,
    background: '#ffffff',
    view: { stroke: null },
    axis: {
      labelFontSize: FONT_SIZE,
      titleFontSize: FONT_SIZE,
      labelColor: TEXT_COLOUR,
      titleColor: TEXT_COLOUR,
      domainColor: TEXT_COLOUR,
      tickColor: TEXT_COLOUR,
      gridColor: '#cecece',
      labelLimit: 220,
      titlePadding: 12,
    },
    legend: { labelFontSize: FONT_SIZE, labelColor: TEXT_COLOUR, labelLimit: 220 },
  };
  const base = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: prepared.rows }, config };
  if (input.kind === 'line') {
    // Labels turn when side by side they would not fit, with a gap of 1 em between them.
    const labels = prepared.categories.reduce((sum, c) => sum + arialWidth(c, FONT_SIZE) + FONT_SIZE, 0);
    const isLong = labels > PLOT_WIDTH;
    return {
      ...base,
      width: PLOT_WIDTH,
      height: 260,
      mark: { type: 'line', strokeWidth: 3, point: { filled: true, size: 90 } },
      encoding: {
        x: {
          field: 'category',
          type: 'ordinal',
          sort: { field: 'categoryIndex', op: 'min' },
          title: input.xTitle,
          axis: { labelAngle: isLong ? -45 : 0 },
        },
        y: { field: 'value', type: 'quantitative', axis: valueAxis },
        ...(isMultiple
          ? {
              color: { field: 'series', type: 'nominal', scale: colourScale, legend },
              shape: { field: 'series', type: 'nominal', scale: { domain: prepared.series, range: SHAPES }, legend },
            }
          : { color: { value: CHART_COLOURS[0]! } }),
      },
    };
  }
  return {
    ...base,
    width: PLOT_WIDTH,
    height: { step: 34 },
    mark: isMultiple ? { type: 'bar', stroke: '#ffffff', strokeWidth: 2 } : { type: 'bar' },
    encoding: {
      y: {
        field: 'category',
        type: 'nominal',
        sort: { field: 'categoryIndex', op: 'min' },
        title: input.xTitle,
      },
      x: { field: 'value', type: 'quantitative', axis: valueAxis, ...(isMultiple ? { stack: 'zero' } : {}) },
      ...(isMultiple
        ? {
            color: {
              field: 'series',
              type: 'nominal',
              scale: colourScale,
              legend: { ...legend, symbolType: 'square' },
            },
            order: { field: 'seriesIndex' },
          }
        : { color: { value: CHART_COLOURS[0]! } }),
    },
  };
}

/**
 * Returns vega's SVG made fit to sit in the page: one labelled image that scales down to narrow screens, its ids
 * prefixed with the figure's, so that two charts on one page never share one. Throws when the SVG could make a
 * request or run code, which would mean a vega upgrade changed what it draws.
 */
function inlineSvg(svg: string, id: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg);
  const width = open && /\swidth="(\d+(?:\.\d+)?)"/.exec(open[0]);
  const height = open && /\sheight="(\d+(?:\.\d+)?)"/.exec(open[0]);
  if (!open || !width || !height) throw new Error(`vega drew something other than an SVG: ${svg.slice(0, 80)}`);
  // Tags only: vega escapes < and & in text, so a category named 'role="x"' or 'url(x)' stays text and is harmless.
  // The whole <svg> is one image named by the caption, so vega's roles and ARIA inside it would only add noise.
  const inner = svg.slice(open[0].length).replace(/<[^>]*>/g, (tag) => {
    if (/^<\/?(script|foreignObject|image|a|use|style|iframe)\b|\s(xlink:)?href=|\son[a-z]+=|url\((?!#)/i.test(tag)) {
      throw new Error(`vega drew an SVG tag that could run code or fetch a file, not put in the report: ${tag}`);
    }
    return tag
      .replace(/\s(role|aria-[a-z]+)="[^"]*"/g, '')
      .replace(/\sid="([^"]*)"/g, (_, name: string) => ` id="${id}-${name}"`)
      .replace(/url\(#([^)]*)\)/g, (_, name: string) => `url(#${id}-${name})`);
  });
  const w = width[1]!;
  const h = height[1]!;
  return `<svg xmlns="http://www.w3.org/2000/svg" class="ppp-chart__svg" width="${w}" height="${h}" \
viewBox="0 0 ${w} ${h}" style="max-width: ${w}px" role="img" aria-labelledby="${id}-title" \
aria-describedby="${id}-description" focusable="false">${inner}`;
}

function dataTable(input: ChartInput, prepared: Prepared): string {
  const caption = `${input.title} (data table)`;
  const cell = (category: string, series: string): number | undefined =>
    prepared.rows.find((r) => r.category === category && r.series === series)?.value;
  if (prepared.series.length === 0) {
    const rows = prepared.categories.map((c) => [escapeHtml(c), NUMBER.format(cell(c, '') ?? 0)]);
    return table(caption, [input.xTitle, input.yTitle], rows, { captionSize: 's', numericColumns: [1] });
  }
  const isStacked = input.kind === 'stacked-bar';
  const heads = [input.xTitle, ...prepared.series, ...(isStacked ? ['Total'] : [])];
  const rows = prepared.categories.map((c) => {
    const values = prepared.series.map((s) => cell(c, s));
    const cells = values.map((v) =>
      v !== undefined
        ? NUMBER.format(v)
        : isStacked
          ? '0'
          : '<span aria-hidden="true">–</span><span class="govuk-visually-hidden">no value</span>',
    );
    const total = isStacked ? [NUMBER.format(values.reduce<number>((sum, v) => sum + (v ?? 0), 0))] : [];
    return [escapeHtml(c), ...cells, ...total];
  });
  const numeric = heads.map((_, i) => i).slice(1);
  return table(caption, heads, rows, { captionSize: 's', numericColumns: numeric });
}

/**
 * Returns a <figure>: the title as its caption, the description, the chart as an inline SVG image labelled by both,
 * and the data as a GOV.UK table. An empty data set gives the caption and a "no data" notice instead of a chart.
 */
export async function chart(input: ChartInput): Promise<string> {
  const prepared = prepare(input);
  const { id } = prepared;
  const caption = `<figcaption class="govuk-heading-s ppp-chart__title" id="${id}-title">${escapeHtml(input.title)}\
</figcaption>`;
  if (prepared.rows.length === 0) {
    return `<figure class="ppp-chart ppp-chart--empty" id="${id}">
${caption}
<div class="govuk-inset-text">There is no data for this chart in this period.</div>
</figure>`;
  }
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  // textMetrics is vega's documented hook for measuring text (vl-convert sets it too); its types leave it out.
  (vega as unknown as { textMetrics: { width: typeof measureText } }).textMetrics.width = measureText;
  const compiled = vegaLite.compile(specification(input, prepared)).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  // A table of more than three columns goes under the chart rather than beside it, where it would be squeezed.
  const columns = 1 + Math.max(prepared.series.length, 1) + (input.kind === 'stacked-bar' ? 1 : 0);
  return `<figure class="ppp-chart" id="${id}">
${caption}
<p class="govuk-body ppp-chart__description" id="${id}-description">${escapeHtml(input.description)}</p>
<div class="ppp-chart__body">
<div class="ppp-chart__image">${inlineSvg(svg, id)}</div>
<div class="ppp-chart__data${columns > 3 ? ' ppp-chart__data--wide' : ''}">
${dataTable(input, prepared)}
</div>
</div>
</figure>`;
}
