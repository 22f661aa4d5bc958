import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_DOCUMENT } from '../api/index.js';
import { USER_AGENT } from '../ingest/index.js';
import { CROSSCHECK_VERSION } from './version.js';

describe('CROSSCHECK_VERSION', () => {
  it("is package.json's version, and what the User-Agent and the OpenAPI document say", () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CROSSCHECK_VERSION).toBe(pkg.version);
    expect(USER_AGENT).toContain(`/${pkg.version} `);
    expect(OPENAPI_DOCUMENT.info.version).toBe(pkg.version);
  });
});
