/**
 * Errors in the user's words. The API's problem codes and better-auth's codes get a sentence;
 * the API's own detail (English, specific) is shown beside it.
 */
export const errors = {
  "errors.network": "The server could not be reached. Check the connection and try again.",
  "errors.unexpected": "Something went wrong.",
  "errors.invalid_input": "Some of what was entered is not valid.",
  "errors.unauthorized": "You are signed out or not allowed to do this.",
  "errors.invalid_signature": "The signature is not valid.",
  "errors.forbidden": "Your role does not allow this.",
  "errors.not_found": "Not found: it may have been removed.",
  "errors.conflict": "Someone changed this first: reload to see the current state.",
  "errors.payload_too_large": "This is too large to upload.",
  "errors.unsupported_media_type": "This kind of file is not supported.",
  "errors.rate_limited": "Too many requests: wait a moment and try again.",
  "errors.internal": "The server failed. Quote the request id when reporting it.",
  "errors.auth.invalidCredentials": "Wrong email or password.",
  "errors.auth.userExists": "An account with this email already exists: sign in instead.",
  "errors.auth.passwordTooShort": "The password is too short: use at least 10 characters.",
  "errors.auth.invalidEmail": "This email address is not valid.",
  "errors.auth.invitationNotFound": "This invitation does not exist, has expired or was already used.",
  "errors.auth.alreadyMember": "You are already a member of this organization.",
} as const;
