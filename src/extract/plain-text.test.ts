import { describe, expect, it } from 'vitest';
import { detectLanguage, extractPlainText } from './index.js';

const BODY = [
  'The regional water board said on Friday that reservoir levels had recovered to seventy percent after a wet spring.',
  'ALSO READ: Farmers warn of a late harvest after April frosts',
  'Officials had restricted garden watering in three districts last summer, when levels fell below forty percent.',
  'A spokesperson said the restrictions would not return this year unless July is unusually dry.',
].join('\n\n');

describe('extractPlainText', () => {
  it('finds no article in a text of NUL and other control characters', () => {
    expect(extractPlainText('\u0000'.repeat(50), {})).toBeNull();
    expect(extractPlainText('\u0001\u0002\u007f\n\n\u0085\u202e\ufeff', {})).toBeNull();
  });

  it('removes control and bidirectional characters from the text, and zero-width ones from labels', () => {
    const article = extractPlainText(`Harbour\u0000 reopens\n\n${BODY.replace('reservoir', 'reser\u202evoir')}`, {
      title: 'Mayor \u202eresigns\u202c today',
      source: 'Valley\u200b Post\u2066',
    });
    expect(article?.title).toBe('Mayor resigns today');
    expect(article?.source).toBe('Valley Post');
    expect(article?.paragraphs.join(' ')).not.toMatch(/[\u0000\u202a-\u202e\u2066-\u2069]/);
    expect(article?.paragraphs.join(' ')).toContain('reservoir');
  });

  it('reads a leading date token and removes it from the text', () => {
    const article = extractPlainText(` date 2025-04-11 ${BODY}`, {});
    expect(article).toMatchObject({ published: '2025-04-11', publishedFrom: 'text', title: null, language: 'en' });
    expect(article?.paragraphs[0]).toMatch(/^The regional water board said/);
    expect(article?.paragraphs.join(' ')).not.toContain('date 2025');
  });

  it('works without a date token, and a hinted date fills the gap', () => {
    const article = extractPlainText(BODY, { published: '2025-04-12', source: 'Valley Post' });
    expect(article).toMatchObject({ published: '2025-04-12', publishedFrom: 'input', source: 'Valley Post' });
  });

  it('drops boilerplate lines such as ALSO READ', () => {
    const article = extractPlainText(BODY, {});
    expect(article?.paragraphs).toHaveLength(3);
    expect(article?.paragraphs.join(' ')).not.toContain('ALSO READ');
  });

  it('splits on single newlines when the text has no blank line', () => {
    const article = extractPlainText(BODY.replace(/\n\n/g, '\n'), {});
    expect(article?.paragraphs).toHaveLength(3);
  });

  it('takes a short unpunctuated first paragraph as the title', () => {
    const article = extractPlainText(`Reservoirs Recover After Wet Spring\n\n${BODY}`, {});
    expect(article?.title).toBe('Reservoirs Recover After Wet Spring');
    expect(article?.paragraphs[0]).toMatch(/^The regional water board/);
  });

  it('does not take a sentence as the title', () => {
    expect(extractPlainText(BODY, {})?.title).toBeNull();
  });

  it('returns null for empty text', () => {
    expect(extractPlainText('  \n\n ', {})).toBeNull();
    expect(extractPlainText(' date 2025-04-11 ', {})).toBeNull();
  });
});

describe('detectLanguage', () => {
  it('detects common languages and refuses short text', () => {
    expect(detectLanguage('Le conseil municipal a voté mercredi pour garder la bibliothèque ouverte le soir.')).toBe('fr');
    expect(detectLanguage('Der Stadtrat hat am Mittwoch beschlossen, die Bibliothek abends länger zu öffnen.')).toBe('de');
    expect(detectLanguage('Hello')).toBeNull();
  });
});
