import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The version of crosscheck: package.json's, read once. The one constant behind `crosscheck
 * --version`, the fetcher's User-Agent and the OpenAPI document (from src/core and dist/core alike,
 * package.json is two folders up).
 */
export const CROSSCHECK_VERSION: string = (require('../../package.json') as { version: string }).version;
