import { z } from 'zod';
import { parseSearch } from '../core/search.js';

/** Most stories one page of `GET /api/stories` returns. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/** Request bodies above this size are refused with 413. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');
const isoDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO 8601 date or date-time');
const httpUrl = z
  .string()
  .max(4096)
  .url('expected an absolute URL')
  .refine((value) => /^https?:\/\//i.test(value), 'expected an http(s) URL');
const language = z.string().regex(/^[a-z]{2,3}$/i, 'expected an ISO 639 language code');

/** Query of `GET /api/stories` (and of the web story list). */
export const storyListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`stories per page (1–${MAX_PAGE_SIZE})`),
    offset: z.coerce.number().int().min(0).max(1_000_000).optional().describe('stories to skip'),
    cursor: z.string().max(200).optional().describe('opaque cursor from `nextCursor` (wins over offset)'),
    order: z.enum(['newest', 'largest']).optional().describe('newest (last article first) or largest; with `q` and no order, by relevance'),
    from: isoDate.optional().describe('stories with an article on or after this date'),
    to: isoDate.optional().describe('stories with an article on or before this date'),
    outlet: z.string().min(1).max(200).optional().describe('stories with an article from this outlet (case-insensitive)'),
    entity: z.string().min(1).max(200).optional().describe('stories naming this person, place or organisation'),
    language: language.optional().describe('stories with an article in this language (ISO 639-1)'),
    q: z
      .string()
      .max(500)
      .optional()
      .superRefine((value, ctx) => {
        for (const problem of value === undefined ? [] : parseSearch(value).problems) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
      })
      .describe(
        'full-text search over article titles and text (words all required; "quoted phrases"), with operators: outlet:NAME, entity:NAME, quote:"words", lang:xx, ' +
          'from:DATE, to:DATE, date:DATE..DATE (DATE is YYYY-MM-DD, YYYY-MM or YYYY; a quoted value may hold spaces)',
      ),
  })
  .strict();
export type StoryListQuery = z.infer<typeof storyListQuerySchema>;

export const idParamSchema = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

/** Body of `POST /api/articles`: exactly one of `text` and `html`. */
export const newArticleSchema = z
  .object({
    url: httpUrl.optional(),
    title: z.string().max(2000).optional(),
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    source: z.string().min(1).max(200).optional().describe('outlet name'),
    published: isoDateTime.optional().describe('ISO 8601 date or date-time'),
    language: language.optional(),
    id: z.string().min(1).max(500).optional().describe('your id for the article'),
  })
  .strict()
  .refine((body) => (body.text === undefined) !== (body.html === undefined), {
    message: 'give exactly one of "text" and "html"',
    path: ['text'],
  });
export type NewArticleBody = z.infer<typeof newArticleSchema>;

/** Body of `POST /api/ingest/url`. */
export const ingestUrlSchema = z.object({ url: httpUrl }).strict();

/** `GET /api/entities` query. */
export const entityListQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe('at most this many (1–1000)'),
    kind: z.enum(['person', 'place', 'organisation']).optional().describe('only this kind'),
  })
  .strict();

/** Formats zod issues as one message: `limit: Number must be less than or equal to 100; …`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/** Endpoints that take no query parameters. */
export const emptyQuerySchema = z.object({}).strict();

/** Body of `POST /api/follows`: a saved search (`target` the words), a story (its id) or an entity (its name). */
export const newFollowSchema = z
  .object({
    kind: z.enum(['search', 'story', 'entity']),
    target: z.union([z.string().trim().min(1).max(500), z.number().int().min(1).max(Number.MAX_SAFE_INTEGER)]),
    label: z.string().trim().min(1).max(200).optional(),
  })
  .strict();
export type NewFollowBody = z.infer<typeof newFollowSchema>;

/** Body of `POST /api/webhooks`. */
export const newWebhookSchema = z
  .object({
    url: httpUrl,
    /** Shared secret of the HMAC-SHA256 signature; never shown again. */
    secret: z.string().min(16, 'a secret of at least 16 characters').max(500),
    followId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
    events: z.array(z.enum(['new_story', 'new_disagreement', 'updated_counts'])).min(1).optional(),
  })
  .strict();
export type NewWebhookBody = z.infer<typeof newWebhookSchema>;

/** `?limit=` of event and delivery lists. */
export const eventListQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(500).default(50) }).strict();
