import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from '../roles.js';
import { IdSchema, LocaleSchema } from './common.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PasswordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

export const LoginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});

export const MembershipSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: IdSchema.nullable(),
  /** Name of the organisation, programme or project the role applies to. */
  scopeName: z.string().nullable(),
  createdAt: z.string(),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const CurrentUserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  locale: LocaleSchema.nullable(),
  organisationId: IdSchema,
  organisationName: z.string(),
  memberships: z.array(MembershipSchema),
});
export type CurrentUser = z.infer<typeof CurrentUserSchema>;

export const SessionResponse = z.object({
  user: CurrentUserSchema,
  /** Sent back in the `x-csrf-token` header on every state-changing request. */
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponse>;

export const UpdateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  locale: LocaleSchema.nullable().optional(),
});

export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: PasswordSchema,
});
