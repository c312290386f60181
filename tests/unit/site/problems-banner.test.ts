// The dev server's problem list: on the page (escaped, at most BANNER_LIMIT) and in the terminal (all).
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { wordsFor } from '../../../src/i18n/words.ts';
import { BANNER_LIMIT, draftLabel, problemsBanner, problemsReport, withProblemsBanner } from '../../../src/site/problems-banner.ts';

describe('problemsBanner', () => {
  it('is empty when there is nothing to show', () => {
    expect(problemsBanner([])).toBe('');
    expect(problemsReport([])).toBe('');
  });

  it('lists each problem as text, in one alert', () => {
    const $ = cheerio.load(problemsBanner(['content/a.md: title: expected a non-empty title', 'x.md: <b>bold</b> & "quoted"']));
    expect($('[role="alert"]')).toHaveLength(1);
    expect($('[role="alert"] p').first().text()).toBe(
      '2 problems in the content: npm run build would stop on them. This preview shows what it can.',
    );
    expect(
      $('li')
        .map((_, li) => $(li).text())
        .get(),
    ).toEqual(['content/a.md: title: expected a non-empty title', 'x.md: <b>bold</b> & "quoted"']);
    expect($('li b')).toHaveLength(0);
  });

  it('says "problem" for one, and sends the rest of a long list to the terminal', () => {
    expect(
      cheerio
        .load(problemsBanner(['one']))('p')
        .first()
        .text(),
    ).toBe('1 problem in the content: npm run build would stop on it. This preview shows what it can.');
    const many = Array.from({ length: BANNER_LIMIT + 3 }, (_, i) => `problem ${i + 1}`);
    const $ = cheerio.load(problemsBanner(many));
    expect($('li')).toHaveLength(BANNER_LIMIT);
    expect($('p').last().text()).toBe('and 3 more in the terminal.');
    expect(problemsReport(many).split('\n')).toHaveLength(BANNER_LIMIT + 4);
  });

  it('prints every problem to the terminal under one heading', () => {
    expect(problemsReport(['a.md: one', 'b.md: two'])).toBe(
      '[dispatch] 2 problems in the content (npm run build would stop; the preview shows what it can):\n  a.md: one\n  b.md: two',
    );
  });

  it('is in the page’s language, read from its <html lang>, with the problems themselves in English', () => {
    const page = (lang: string) => `<!doctype html>\n<html lang="${lang}" dir="ltr">\n<head></head><body><main></main></body></html>`;
    const $ = cheerio.load(withProblemsBanner(page('de'), ['a.md: one', 'b.md: two']));
    expect($('.dev-problems').attr('lang')).toBe('de');
    expect($('.dev-problems p').first().text()).toBe(
      '2 Probleme im Inhalt: npm run build würde daran scheitern. Diese Vorschau zeigt, was sie kann.',
    );
    expect($('.dev-problems ul').attr('lang')).toBe('en');
    expect(
      cheerio
        .load(withProblemsBanner(page('ko-KR'), ['a.md: one']))('.dev-problems p')
        .text(),
    ).toContain('콘텐츠에 문제가 1개');
    // A language without a catalogue, or no language at all: English.
    expect(
      cheerio
        .load(withProblemsBanner(page('fr'), ['a.md: one']))('.dev-problems p')
        .text(),
    ).toMatch(/^1 problem in the content/);
    expect(withProblemsBanner('<p>fragment</p>', ['a.md: one'])).toMatch(/^<div role="alert" class="dev-problems" lang="en"/);
  });

  it('labels a draft in the words it is given', () => {
    expect(
      cheerio
        .load(draftLabel(wordsFor('de-DE', 'de')))('mark')
        .text(),
    ).toBe('Entwurf: nicht veröffentlicht');
  });
});
