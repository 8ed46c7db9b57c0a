import type { MessageId, Translator } from "../i18n/translator.js";
import { ApiError, NetworkError } from "./api.js";

/** better-auth's codes for what a person got wrong: a sentence replaces its English message. */
const AUTH_MESSAGES: Record<string, MessageId> = {
  INVALID_EMAIL_OR_PASSWORD: "errors.auth.invalidCredentials",
  USER_ALREADY_EXISTS: "errors.auth.userExists",
  USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL: "errors.auth.userExists",
  PASSWORD_TOO_SHORT: "errors.auth.passwordTooShort",
  INVALID_EMAIL: "errors.auth.invalidEmail",
  INVITATION_NOT_FOUND: "errors.auth.invitationNotFound",
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: "errors.auth.alreadyMember",
};

/** The API's problem codes (packages/core ErrorCode). */
const PROBLEM_MESSAGES: Record<string, MessageId> = {
  invalid_input: "errors.invalid_input",
  unauthorized: "errors.unauthorized",
  invalid_signature: "errors.invalid_signature",
  forbidden: "errors.forbidden",
  not_found: "errors.not_found",
  conflict: "errors.conflict",
  payload_too_large: "errors.payload_too_large",
  unsupported_media_type: "errors.unsupported_media_type",
  rate_limited: "errors.rate_limited",
  internal: "errors.internal",
  quota_exceeded: "account.quotaExceeded",
};

/**
 * An error as the user reads it: a sentence in their language, and the API's detail (which names
 * the draft, the field, the limit) when it adds something. A failed fetch is a network problem.
 */
export function describeError(error: unknown, t: Translator): { summary: string; detail?: string } {
  if (error instanceof ApiError) {
    const auth = AUTH_MESSAGES[error.code];
    if (auth) return { summary: t(auth) };
    const problem = PROBLEM_MESSAGES[error.code];
    if (problem) return { summary: t(problem), detail: error.message };
    return { summary: error.message };
  }
  if (error instanceof NetworkError) return { summary: t("errors.network") };
  return { summary: t("errors.unexpected"), detail: error instanceof Error ? error.message : String(error) };
}
