import { describe, expect, it } from 'vitest';
import { html } from './html.js';

describe('html', () => {
  it('escapes and neutralises control and bidirectional characters where text is shown', () => {
    expect(html`<h1>${'Title \u202egnp.exe <b>'}</h1>`.value).toBe('<h1>Title gnp.exe &lt;b&gt;</h1>');
    expect(html`<p>${'a\u0000b\u001bc'}</p>`.value).toBe('<p>abc</p>');
  });
});
