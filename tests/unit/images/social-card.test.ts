import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import * as cheerio from 'cheerio';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { cardFonts } from '../../../src/images/card-fonts.ts';
import { textWidth } from '../../../src/images/font-metrics.ts';
import {
  CARD_HEIGHT,
  CARD_MARGIN,
  CARD_TEXT_WIDTH,
  CARD_WIDTH,
  cardRenderOptions,
  layoutSocialCard,
  renderSocialCard,
  socialCardSvg,
  type CardTextRole,
  type SocialCard,
} from '../../../src/images/social-card.ts';
import { projectRoot } from '../../../src/shared/paths.ts';

const seed: SocialCard = {
  title: 'North Korea to Deploy More Troops to Support Russia in Ukraine War',
  section: 'World',
  figure: { value: '11,000', label: 'North Korean personnel in the initial dispatch', attribution: 'Reported: a South Korean legislator' },
  siteName: 'The Korea Dispatch',
  language: 'en',
};

const korean: SocialCard = {
  title: '북한, 우크라이나 전쟁에서 러시아 지원 위해 추가 병력 파견 예정',
  section: '국제',
  figure: { value: '1만 1000명', label: '첫 파병 당시 북한 인원', attribution: '보도: 한국 국회의원' },
  siteName: '코리아 디스패치',
  language: 'ko',
};

const long: Record<string, SocialCard> = {
  english: {
    ...seed,
    title:
      'North Korea to Deploy Thousands More Troops, Military Construction Units and Sappers to Support Russia in Its More Than Three-Year Offensive in Ukraine as Early as July, According to South Korean Intelligence and a Legislator Briefed on the Plans',
  },
  german: {
    ...seed,
    language: 'de',
    section: 'Außenpolitik',
    title:
      'Bundesverfassungsgerichtsentscheidung zur Rüstungsexportgenehmigungsverordnung: Nordkoreanische Streitkräfteentsendungsvereinbarung mit Russland überschreitet Völkerrechtsverträglichkeitsprüfungsgrenzen deutlich',
    figure: {
      value: 'mehr als 11.000',
      label: 'Nordkoreanische Soldaten bei der ersten Entsendung laut Geheimdienstinformationen und Parlamentsunterlagen',
      attribution: 'Berichtet: ein südkoreanischer Abgeordneter, über den Geheimdienstausschuss der Nationalversammlung',
    },
  },
  korean: {
    ...korean,
    title:
      '국정원 "북한, 이르면 7월 러시아에 추가 파병 가능성"… 공병·건설 인력 수천 명 쿠르스크 재건 투입 전망, 사상자 수천 명에도 북러 군사협력 강화 지속되며 우크라이나 전쟁 장기화 우려 커져, 국회 정보위원회 비공개 보고에서 추가 파병 규모와 시기에 대한 구체적인 정황 공개',
  },
  unbreakable: { ...seed, title: 'A'.repeat(400), figure: { ...seed.figure!, value: '9'.repeat(80) } },
  noSpaces: {
    ...korean,
    title:
      '北朝鮮がロシアへの追加派兵を準備しているとの情報が相次いで伝えられており七月にも実施される可能性があると韓国の情報機関が明らかにした'.repeat(
        2,
      ),
    language: 'ja',
  },
};

const fonts = cardFonts();
const resultsDir = path.join(projectRoot, 'test-results', 'social-cards');

interface Ink {
  role: CardTextRole;
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where resvg actually draws each line of a card's text: every line (a group of font runs) rendered alone, its ink measured. */
function inkOf(card: SocialCard): Ink[] {
  const $ = cheerio.load(socialCardSvg(card), { xml: true });
  return $('g[data-role]')
    .map((_, element) => {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" font-family="${fonts.families[0][700].family}">${$.xml(element)}</svg>`;
      const box = new Resvg(svg, cardRenderOptions(fonts, card.language)).getBBox();
      if (!box) throw new Error(`nothing drawn for ${$.xml(element)}`);
      return {
        role: $(element).attr('data-role') as CardTextRole,
        text: $(element).text(),
        left: box.x,
        right: box.x + box.width,
        top: box.y,
        bottom: box.y + box.height,
      };
    })
    .get();
}

function regionOf(card: SocialCard, role: 'panel' | 'footer-rule'): number | undefined {
  const y = cheerio.load(socialCardSvg(card), { xml: true })(`rect[data-role="${role}"]`).attr('y');
  return y === undefined ? undefined : Number(y);
}

beforeAll(() => fs.mkdirSync(resultsDir, { recursive: true }));

describe('social card: what it shows', () => {
  it("shows the seed article's headline whole, its section, first key figure with attribution, and the site's name", () => {
    const layout = layoutSocialCard(seed);
    const byRole = (role: CardTextRole) => layout.texts.filter((t) => t.role === role).map((t) => t.text);
    expect(byRole('section')).toEqual(['WORLD']);
    expect(byRole('title').join(' ')).toBe(seed.title);
    expect(byRole('figure-value')).toEqual(['11,000']);
    expect(byRole('figure-label')).toEqual(['North Korean personnel in the initial dispatch']);
    expect(byRole('figure-attribution')).toEqual(['Reported: a South Korean legislator']);
    expect(byRole('site')).toEqual(['The Korea Dispatch']);
    expect(layout.truncated).toBe(false);
  });

  it('is a 1200×630 PNG', async () => {
    const png = renderSocialCard(seed);
    fs.writeFileSync(path.join(resultsDir, 'seed.png'), png);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
  });

  it('draws Korean with glyphs of its own font (no missing-glyph boxes) and marks its language', () => {
    fs.writeFileSync(path.join(resultsDir, 'korean.png'), renderSocialCard(korean));
    const layout = layoutSocialCard(korean);
    expect(
      layout.texts
        .filter((t) => t.role === 'title')
        .map((t) => t.text)
        .join(' '),
    ).toBe(korean.title);
    for (const { text } of layout.texts) {
      for (const character of text.replace(/\s/g, ''))
        expect(fonts.families[0][700].covers(character.codePointAt(0)!), character).toBe(true);
    }
    expect(socialCardSvg(korean)).toContain('xml:lang="ko"');
  });

  it('sets what the card font lacks (the Hanja of Korean headlines) in Noto Sans KR by name, and measures it in that font', () => {
    const card = { ...korean, title: '北, 러시아에 추가 파병… 美 "우려" 표명, Erdoğan·Łódź 회담' };
    fs.writeFileSync(path.join(resultsDir, 'hanja.png'), renderSocialCard(card));
    const $ = cheerio.load(socialCardSvg(card), { xml: true });
    const fallback = $('g[data-role="title"] text[font-family]');
    expect(fallback.map((_, t) => $(t).text().trim()).get()).toEqual(['北', '美']);
    expect(fallback.first().attr('font-family')).toBe(fonts.families[1]![700].family);
    for (const text of layoutSocialCard(card).texts) {
      for (const character of text.text.replace(/\s/g, '')) {
        expect(
          fonts.families.some((family) => family[text.weight].covers(character.codePointAt(0)!)),
          character,
        ).toBe(true);
      }
    }
    const [line] = inkOf(card).filter((l) => l.role === 'title');
    const measured = layoutSocialCard(card).texts.find((t) => t.role === 'title')!;
    expect(line!.right - line!.left).toBeLessThanOrEqual(measured.width + 2);
    expect(line!.right - line!.left).toBeGreaterThan(measured.width - measured.size * 0.5);
  });

  it('keeps capitals to scripts that have them, in the language of the card', () => {
    expect(layoutSocialCard({ ...seed, section: 'Außenpolitik', language: 'de' }).texts[0]?.text).toBe('AUSSENPOLITIK');
    expect(layoutSocialCard({ ...seed, section: 'istihbarat', language: 'tr' }).texts[0]?.text).toBe('İSTİHBARAT');
    expect(layoutSocialCard({ ...seed, section: 'istihbarat', language: 'en' }).texts[0]?.text).toBe('ISTIHBARAT');
  });

  it('gives the headline the room of the figure panel when there is no figure, and no section line when there is no section', () => {
    const bare = layoutSocialCard({ title: long.english!.title, siteName: 'The Korea Dispatch', language: 'en' });
    expect(bare.texts.map((t) => t.role)).not.toContain('figure-value');
    expect(bare.texts.map((t) => t.role)).not.toContain('section');
    const withFigure = layoutSocialCard(long.english!);
    expect(bare.texts.filter((t) => t.role === 'title').length).toBeGreaterThan(withFigure.texts.filter((t) => t.role === 'title').length);
    expect(socialCardSvg({ title: 'x', siteName: 'y', language: 'en' })).not.toContain('data-role="panel"');
  });

  it('escapes every text, and draws a headline with control characters and markup in it', () => {
    const hostile = '</text><script>alert("x")</script> & \u0007\uffff\ud800 \'quoted\'';
    const card = {
      ...seed,
      title: hostile,
      section: hostile,
      siteName: hostile,
      figure: { value: hostile, label: hostile, attribution: hostile },
    };
    const svg = socialCardSvg(card);
    expect(svg).not.toContain('<script>');
    const $ = cheerio.load(svg, { xml: true });
    expect($('g[data-role="site"]').text()).toBe('</text><script>alert("x")</script> & \'quoted\'');
    expect(renderSocialCard(card).length).toBeGreaterThan(1000);
  });
});

describe('social card: same bytes on every build', () => {
  it('renders the same PNG twice in one process', () => {
    expect(renderSocialCard(seed).equals(renderSocialCard(seed))).toBe(true);
  });

  it('renders the same PNG in a fresh process', () => {
    const script = `import { renderSocialCard } from './src/images/social-card.ts';
import { createHash } from 'node:crypto';
process.stdout.write(createHash('sha256').update(renderSocialCard(JSON.parse(process.argv[1]))).digest('hex'));`;
    const other = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script, JSON.stringify(korean)], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(other).toBe(createHash('sha256').update(renderSocialCard(korean)).digest('hex'));
  });
});

describe('social card: long texts wrap or are cut, never overflow', () => {
  it.each(Object.keys(long))(
    '%s: every line drawn inside the margins, the headline above the panel, the panel above the footer',
    (name) => {
      const card = long[name]!;
      fs.writeFileSync(path.join(resultsDir, `long-${name}.png`), renderSocialCard(card));
      const layout = layoutSocialCard(card);
      expect(layout.truncated).toBe(true);
      for (const text of layout.texts) expect(text.width, text.text).toBeLessThanOrEqual(CARD_TEXT_WIDTH);

      const ink = inkOf(card);
      const panel = regionOf(card, 'panel')!;
      const footer = regionOf(card, 'footer-rule')!;
      for (const line of ink) {
        expect(line.left, `${line.role}: ${line.text}`).toBeGreaterThanOrEqual(CARD_MARGIN - 4);
        expect(line.right, `${line.role}: ${line.text}`).toBeLessThanOrEqual(CARD_WIDTH - CARD_MARGIN);
        expect(line.top).toBeGreaterThan(0);
        expect(line.bottom).toBeLessThan(CARD_HEIGHT);
      }
      const bottomOf = (roles: CardTextRole[]) => Math.max(...ink.filter((l) => roles.includes(l.role)).map((l) => l.bottom));
      const topOf = (roles: CardTextRole[]) => Math.min(...ink.filter((l) => roles.includes(l.role)).map((l) => l.top));
      expect(bottomOf(['title'])).toBeLessThan(panel);
      expect(topOf(['figure-value'])).toBeGreaterThan(panel);
      expect(bottomOf(['figure-value', 'figure-label', 'figure-attribution'])).toBeLessThan(footer);
      expect(topOf(['site'])).toBeGreaterThan(footer);
      // Lines do not run into each other.
      const title = ink.filter((l) => l.role === 'title');
      title.slice(1).forEach((line, i) => expect(line.top).toBeGreaterThan(title[i]!.bottom - 8));
    },
  );

  it('ends a cut headline with an ellipsis after as much of it as fits', () => {
    const titles = layoutSocialCard(long.english!).texts.filter((t) => t.role === 'title');
    expect(titles.at(-1)?.text.endsWith('…')).toBe(true);
    expect(titles.map((t) => t.text).join(' ')).toMatch(/^North Korea to Deploy Thousands More Troops, .+…$/);
  });

  it('chooses a smaller headline size for a longer title before cutting it', () => {
    const short = layoutSocialCard({ ...seed, title: 'Troops to Russia' });
    const longer = layoutSocialCard(seed);
    const longest = layoutSocialCard(long.english!);
    expect(short.titleSize).toBeGreaterThan(longer.titleSize);
    expect(longer.titleSize).toBeGreaterThanOrEqual(longest.titleSize);
  });

  it("measures text as resvg draws it: the font's advances bound the ink, within a few pixels", () => {
    for (const card of [seed, korean, long.german!]) {
      const ink = inkOf(card);
      for (const text of layoutSocialCard(card).texts) {
        const drawn = ink.find((l) => l.role === text.role && l.text === text.text)!;
        const inkWidth = drawn.right - drawn.left;
        expect(inkWidth, text.text).toBeLessThanOrEqual(text.width + 2);
        expect(inkWidth, text.text).toBeGreaterThan(text.width - text.size * 0.5);
      }
    }
    const bold = fonts.families[0][700];
    expect(textWidth(bold, 'WW', 100)).toBeCloseTo(2 * textWidth(bold, 'W', 100));
    expect(textWidth(bold, 'W', 100)).toBeGreaterThan(textWidth(bold, 'i', 100));
  });
});
