import { z } from 'zod';
import { IdSchema, shortText, TimestampSchema } from './common.js';

/**
 * Personal API tokens (issue 6): a signed-in user makes named tokens so scripts and tools (Power BI,
 * their own systems) can read the API as them, with their roles, by sending
 * `Authorization: Bearer fbk_…`. The token is shown once when made; only its SHA-256 is kept.
 */
export const API_TOKEN_PREFIX = 'fbk_';
export const API_TOKEN_MAX_DAYS = 365;

export const API_TOKEN_STATUSES = ['active', 'expired', 'revoked'] as const;
export type ApiTokenStatus = (typeof API_TOKEN_STATUSES)[number];

export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** The first characters of the token, so people can tell their tokens apart. */
  prefix: z.string(),
  status: z.enum(API_TOKEN_STATUSES),
  createdAt: TimestampSchema,
  /** Null: never expires (until revoked). */
  expiresAt: TimestampSchema.nullable(),
  /** Updated at most once a minute. */
  lastUsedAt: TimestampSchema.nullable(),
  revokedAt: TimestampSchema.nullable(),
  user: z.object({ id: IdSchema, name: z.string(), email: z.string() }),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });

/** A new token with its secret: the only answer that ever carries it. */
export const CreatedApiTokenSchema = ApiTokenSchema.extend({ token: z.string() });
export type CreatedApiToken = z.infer<typeof CreatedApiTokenSchema>;

export const CreateApiTokenBody = z.strictObject({
  name: shortText(100),
  /** Days until the token stops working; null: until revoked. */
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).nullable().default(null),
});
export type CreateApiTokenInput = z.input<typeof CreateApiTokenBody>;

/** Own tokens by default; installation admins may ask for one user's (`userId`) or everyone's (`all=true`). */
export const ListApiTokensQuery = z.strictObject({
  userId: IdSchema.optional(),
  all: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
});
