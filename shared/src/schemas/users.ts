import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../roles.js';
import { IdSchema, LocaleSchema, PageQuery, pageOf, shortText, TimestampSchema } from './common.js';
import { MembershipSchema, PasswordSchema } from './auth.js';

export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  organisationId: IdSchema,
  organisationName: z.string(),
  locale: LocaleSchema.nullable(),
  disabled: z.boolean(),
  lastSignInAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  memberships: z.array(MembershipSchema),
});
export type User = z.infer<typeof UserSchema>;

export const EmailSchema = z.email().trim().toLowerCase().max(254);

export const CreateUserBody = z.strictObject({
  email: EmailSchema,
  name: shortText(200),
  organisationId: IdSchema,
  locale: LocaleSchema.nullable().optional(),
  password: PasswordSchema,
});

export const UpdateUserBody = z.strictObject({
  email: EmailSchema.optional(),
  name: shortText(200).optional(),
  organisationId: IdSchema.optional(),
  locale: LocaleSchema.nullable().optional(),
});

export const SetDisabledBody = z.strictObject({ disabled: z.boolean() });
export const ResetPasswordBody = z.strictObject({ password: PasswordSchema });

export const ListUsersQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  organisationId: IdSchema.optional(),
  role: z.enum(ROLES).optional(),
  includeDisabled: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
  ...PageQuery,
});
export const UserPage = pageOf(UserSchema);

export const CreateMembershipBody = z
  .strictObject({
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES),
    scopeId: IdSchema.nullable(),
  })
  .refine((m) => (m.scopeType === 'installation') === (m.scopeId === null), {
    message: 'scopeId must be null for the installation scope and set for every other scope',
    path: ['scopeId'],
  });
export const MembershipParams = z.strictObject({ id: IdSchema, membershipId: IdSchema });
