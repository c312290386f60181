// The 1200×630 share image of an article or digest without a photo, drawn as SVG and rasterised with resvg.
import { Resvg } from '@resvg/resvg-js';
import { escapeHtml } from '../shared/html.ts';
import { cardFonts, cardTextWidth, fontRuns, type CardFonts, type CardWeight } from './card-fonts.ts';
import { textWidth } from './font-metrics.ts';
import { collapseSpace, fitLines, fitOneLine, type Measure } from './text-fit.ts';

/** What a card shows, as the reader would read it: every text already worded and formatted by the caller. */
export interface SocialCard {
  /** The headline (a digest's subject). */
  title: string;
  /** The article's section, or the digest's label; drawn in capitals where the script has them. */
  section?: string;
  /** The first key figure, as the article prints it. */
  figure?: SocialCardFigure;
  siteName: string;
  /** BCP 47 language of the texts ("en", "ko"): capitals, character boundaries, the SVG's xml:lang. */
  language: string;
}

export interface SocialCardFigure {
  /** "11,000", "about 600". */
  value: string;
  /** "North Korean personnel in the initial dispatch". */
  label: string;
  /** "Reported: a South Korean legislator". */
  attribution: string;
}

export type CardTextRole = 'section' | 'title' | 'figure-value' | 'figure-label' | 'figure-attribution' | 'site';

/** One line of text on the card: x is its left edge, y its baseline, width its measured advance. */
export interface CardText {
  role: CardTextRole;
  text: string;
  x: number;
  y: number;
  size: number;
  weight: CardWeight;
  fill: string;
  width: number;
}

export interface CardLayout {
  texts: CardText[];
  /** The headline's font size, chosen as the largest that fits it whole. */
  titleSize: number;
  /** True when something was cut short with an ellipsis. */
  truncated: boolean;
}

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Left and right margin: no text is drawn nearer the edge. */
export const CARD_MARGIN = 80;
/** The widest any line may be: the card less its side margins. */
export const CARD_TEXT_WIDTH = CARD_WIDTH - 2 * CARD_MARGIN;

// The site's palette (templates/css/site.css, light scheme), so a shared link looks like the site.
const COLOURS = { background: '#fdfcf9', text: '#1b1b1b', muted: '#595959', accent: '#a3211c', panel: '#f3f1ea', rule: '#d9d6cf' };

const ACCENT_BAR = 12;
const SECTION_SIZE = 28;
const SECTION_BASELINE = 92;
const TITLE_TOP = 128;
/** Headline sizes, largest first: the first that holds the whole headline without breaking a word wins. */
const TITLE_SIZES = [64, 58, 52, 46, 40];
const TITLE_LINE_HEIGHT = 1.18;
/** The first baseline sits this many ems below the top of the headline's box (cap height plus room for accents). */
const FIRST_BASELINE = 0.92;
const TITLE_MAX_LINES = 5;

// The key-figure panel, bottom-aligned above the footer, like the site's panels (tinted, accent rule on top).
const PANEL_TOP = 352;
const PANEL_BOTTOM = 518;
const PANEL_RULE = 4;
const PANEL_INSET = 24;
const FIGURE_VALUE_SIZES = [56, 48, 40];
const FIGURE_VALUE_BASELINE = 420;
const FIGURE_LABEL_SIZE = 28;
const FIGURE_LABEL_BASELINE = 462;
const FIGURE_ATTRIBUTION_SIZE = 24;
const FIGURE_ATTRIBUTION_BASELINE = 498;
/** Space kept between the headline's last line box and the panel. */
const PANEL_GAP = 24;

const FOOTER_RULE = 546;
const SITE_SIZE = 30;
const SITE_BASELINE = 594;

// Characters XML does not allow (controls, non-characters, halves of a surrogate pair): one stray in a title
// would make the whole card fail to draw.
// eslint-disable-next-line no-control-regex -- matching the control characters is the point
const NOT_IN_XML = /[\u0000-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function drawable(text: string): string {
  return collapseSpace(text.replace(NOT_IN_XML, ' ')).normalize('NFC');
}

function measureWith(fonts: CardFonts, weight: CardWeight, size: number): Measure {
  return (text) => cardTextWidth(text, weight, size, fonts);
}

interface TitleFit {
  size: number;
  lines: string[];
  truncated: boolean;
}

/** The largest headline size at which the whole title fits its box unbroken; else the smallest, cut to fit. */
function fitTitle(title: string, fonts: CardFonts, height: number, locale: string): TitleFit {
  const linesAt = (size: number) => Math.min(TITLE_MAX_LINES, Math.max(1, Math.floor(height / Math.round(size * TITLE_LINE_HEIGHT))));
  for (const size of TITLE_SIZES) {
    const fitted = fitLines(title, measureWith(fonts, 700, size), {
      maxWidth: CARD_TEXT_WIDTH,
      maxLines: linesAt(size),
      breakWords: false,
      locale,
    });
    if (fitted.fits && !fitted.truncated) return { size, lines: fitted.lines, truncated: false };
  }
  const size = Math.min(...TITLE_SIZES);
  const fitted = fitLines(title, measureWith(fonts, 700, size), {
    maxWidth: CARD_TEXT_WIDTH,
    maxLines: linesAt(size),
    breakWords: true,
    locale,
  });
  return { size, lines: fitted.lines, truncated: fitted.truncated };
}

/** Where every line of the card goes; pure, so tests can check the geometry without drawing. */
export function layoutSocialCard(card: SocialCard, fonts: CardFonts = cardFonts()): CardLayout {
  const locale = card.language;
  const texts: CardText[] = [];
  let truncated = false;
  const place = (role: CardTextRole, text: string, y: number, size: number, weight: CardWeight, fill: string) => {
    const fitted = fitOneLine(text, CARD_TEXT_WIDTH, measureWith(fonts, weight, size), locale);
    truncated ||= fitted.truncated;
    if (fitted.line) {
      texts.push({
        role,
        text: fitted.line,
        x: CARD_MARGIN,
        y,
        size,
        weight,
        fill,
        width: cardTextWidth(fitted.line, weight, size, fonts),
      });
    }
  };

  const section = drawable(card.section ?? '');
  if (section) place('section', section.toLocaleUpperCase(locale), SECTION_BASELINE, SECTION_SIZE, 700, COLOURS.accent);

  const figure = card.figure && {
    value: drawable(card.figure.value),
    label: drawable(card.figure.label),
    attribution: drawable(card.figure.attribution),
  };
  const hasFigure = Boolean(figure?.value);
  const titleBottom = hasFigure ? PANEL_TOP - PANEL_GAP : FOOTER_RULE - PANEL_GAP;
  const title = fitTitle(drawable(card.title), fonts, titleBottom - TITLE_TOP, locale);
  truncated ||= title.truncated;
  const lineHeight = Math.round(title.size * TITLE_LINE_HEIGHT);
  title.lines.forEach((line, i) => {
    const y = TITLE_TOP + Math.round(title.size * FIRST_BASELINE) + i * lineHeight;
    texts.push({
      role: 'title',
      text: line,
      x: CARD_MARGIN,
      y,
      size: title.size,
      weight: 700,
      fill: COLOURS.text,
      width: cardTextWidth(line, 700, title.size, fonts),
    });
  });

  if (figure && hasFigure) {
    // The largest size at which the figure fits on one line; the smallest, cut, when none does.
    const valueSize =
      FIGURE_VALUE_SIZES.find((size) => cardTextWidth(figure.value, 700, size, fonts) <= CARD_TEXT_WIDTH) ??
      Math.min(...FIGURE_VALUE_SIZES);
    place('figure-value', figure.value, FIGURE_VALUE_BASELINE, valueSize, 700, COLOURS.accent);
    place('figure-label', figure.label, FIGURE_LABEL_BASELINE, FIGURE_LABEL_SIZE, 400, COLOURS.text);
    place('figure-attribution', figure.attribution, FIGURE_ATTRIBUTION_BASELINE, FIGURE_ATTRIBUTION_SIZE, 400, COLOURS.muted);
  }

  place('site', drawable(card.siteName), SITE_BASELINE, SITE_SIZE, 700, COLOURS.text);
  return { texts, titleSize: title.size, truncated };
}

/** The card as an SVG document: shapes, then each line of text, every text escaped. */
export function socialCardSvg(card: SocialCard, fonts: CardFonts = cardFonts()): string {
  const layout = layoutSocialCard(card, fonts);
  const family = fonts.families[0][700].family;
  const panel = layout.texts.some((t) => t.role === 'figure-value')
    ? `<rect data-role="panel" x="${CARD_MARGIN - PANEL_INSET}" y="${PANEL_TOP}" width="${CARD_TEXT_WIDTH + 2 * PANEL_INSET}" height="${PANEL_BOTTOM - PANEL_TOP}" fill="${COLOURS.panel}"/>` +
      `<rect x="${CARD_MARGIN - PANEL_INSET}" y="${PANEL_TOP}" width="${CARD_TEXT_WIDTH + 2 * PANEL_INSET}" height="${PANEL_RULE}" fill="${COLOURS.accent}"/>`
    : '';
  // One <text> per font run, placed at the run's measured offset: resvg falls back to another font for a
  // character the span's font lacks, but then sets the rest of the line in that font too, at another width.
  const line = (t: CardText) => {
    let x = t.x;
    const runs = fontRuns(t.text, t.weight, fonts).map((run) => {
      const own = run.font.family === family ? '' : ` font-family="${escapeHtml(run.font.family)}"`;
      const element = `<text x="${Math.round(x * 100) / 100}" y="${t.y}"${own}>${escapeHtml(run.text)}</text>`;
      x += textWidth(run.font, run.text, t.size);
      return element;
    });
    return `<g data-role="${t.role}" font-size="${t.size}" font-weight="${t.weight}" fill="${t.fill}">${runs.join('')}</g>`;
  };
  const texts = layout.texts.map(line).join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xml:lang="${escapeHtml(card.language)}" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}" font-family="${escapeHtml(family)}">` +
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="${COLOURS.background}"/>` +
    `<rect width="${CARD_WIDTH}" height="${ACCENT_BAR}" fill="${COLOURS.accent}"/>` +
    panel +
    `<rect data-role="footer-rule" x="${CARD_MARGIN}" y="${FOOTER_RULE}" width="${CARD_TEXT_WIDTH}" height="2" fill="${COLOURS.rule}"/>` +
    texts +
    `</svg>`
  );
}

/** resvg's options for the card: only the card's own fonts, never the machine's, which would change what is drawn. */
export function cardRenderOptions(fonts: CardFonts, language: string) {
  return {
    font: { loadSystemFonts: false, fontFiles: [...fonts.files], defaultFontFamily: fonts.families[0][700].family },
    languages: [language],
    logLevel: 'error' as const,
  };
}

/** Draws an SVG of the card's size with the card's fonts: PNG bytes. */
export function rasteriseCardSvg(svg: string, language: string, fonts: CardFonts = cardFonts()): Buffer {
  return new Resvg(svg, cardRenderOptions(fonts, language)).render().asPng();
}

/** The card as PNG bytes: the same card gives the same bytes on every build. */
export function renderSocialCard(card: SocialCard, fonts: CardFonts = cardFonts()): Buffer {
  return rasteriseCardSvg(socialCardSvg(card, fonts), card.language, fonts);
}
