import { randomBytes } from "node:crypto";
import { type Database, type IdKind, newId } from "@support/db";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError } from "better-auth/api";
import { organization } from "better-auth/plugins/organization";
import { adminAc, memberAc, ownerAc } from "better-auth/plugins/organization/access";
import type { Logger } from "pino";
import type { Mailer } from "../mail/port.js";
import { invitationMail, mailLanguage, passwordResetMail } from "../mail/texts.js";
import { AppError } from "../service/errors.js";

const ID_KIND_BY_MODEL: Record<string, IdKind> = {
  organization: "org",
  user: "user",
  session: "session",
  account: "account",
  verification: "verification",
  member: "member",
  invitation: "invitation",
};

/**
 * Invitation ids are the proof of an invitation link, so they are 128 random bits rather than
 * a sortable id (whose random part increments within a millisecond, making neighbours guessable).
 */
function opaqueInvitationId(): string {
  return `inv_${randomBytes(16).toString("hex")}`;
}

/**
 * Mails leave in the background: a reset request for a registered address must answer as fast
 * as one for an unknown address (no SMTP round trip to time), and a mail that fails is logged
 * without its recipient or link.
 */
function sendLater(mailer: Mailer, logger: Logger | undefined, mail: Parameters<Mailer["send"]>[0]) {
  mailer.send(mail).catch((error: unknown) => {
    logger?.error({ kind: mail.kind, err: (error as Error).message }, "mail not sent");
  });
}

/**
 * better-auth answers only its own errors; anything else thrown in a hook becomes a 500. The
 * seat refusal goes out as better-auth's error with the platform's code and figures, so the
 * dashboard reads `quota_exceeded` as it does from the API.
 */
async function seatOr402(
  requireSeat: ((orgId: string, moment: "invite" | "accept") => Promise<void>) | undefined,
  orgId: string,
  moment: "invite" | "accept",
): Promise<void> {
  try {
    await requireSeat?.(orgId, moment);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "quota_exceeded") throw error;
    throw new APIError("PAYMENT_REQUIRED", {
      code: error.code,
      message: error.message,
      ...(error.details as Record<string, unknown>),
    });
  }
}

/**
 * Dashboard sign-in: better-auth on the platform's own database (same tables for both
 * dialects), email and password, organizations with the roles owner, admin and agent. Password
 * reset links and invitations are mailed through the mailer (SMTP, or the embedded mailbox).
 */
export function createAuth(
  database: Database,
  options: {
    baseURL: string;
    secret: string;
    mailer: Mailer;
    logger?: Logger;
    /** Refuses a person beyond the plan's seats (`requireSeat`): before an invitation and before its acceptance. */
    requireSeat?: (orgId: string, moment: "invite" | "accept") => Promise<void>;
  },
) {
  const { mailer, logger } = options;
  return betterAuth({
    baseURL: options.baseURL,
    basePath: "/api/auth",
    secret: options.secret,
    telemetry: { enabled: false },
    database: drizzleAdapter(database.db.q, {
      provider: database.dialect === "sqlite" ? "sqlite" : "mysql",
      schema: database.db.t,
      usePlural: true,
    }),
    // No automatic sign-in after sign-up: better-auth then answers a sign-up for a registered
    // email exactly as for a new one (200, no session, the password hashed either way), so
    // sign-up does not reveal who has an account (issue 14). The dashboard signs in next.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      autoSignIn: false,
      resetPasswordTokenExpiresIn: 60 * 60,
      // A reset ends every session of the account: whoever knew the old password is signed out.
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }, request) => {
        const mail = passwordResetMail(mailLanguage(request?.headers.get("accept-language")), url);
        sendLater(mailer, logger, { kind: "password_reset", orgId: null, to: user.email, ...mail });
      },
    },
    // Sign-in is limited by the API (limitSignIn), on the address TRUST_PROXY decides; better-auth's
    // own limiter trusts X-Forwarded-For unconditionally, which let a caller pick a fresh bucket.
    rateLimit: { enabled: false },
    advanced: {
      database: {
        generateId: ({ model }) =>
          model === "invitation" ? opaqueInvitationId() : newId(ID_KIND_BY_MODEL[model] ?? "event"),
      },
    },
    plugins: [
      organization({
        roles: { owner: ownerAc, admin: adminAc, agent: memberAc },
        creatorRole: "owner",
        // Addresses are not verified at sign-up: the opaque invitation id in the link (mailed, or
        // shared by the admin) is the proof, and better-auth still requires the signed-in user's
        // email to be the invited one.
        requireEmailVerificationOnInvitation: false,
        organizationHooks: {
          beforeCreateInvitation: ({ organization }) => seatOr402(options.requireSeat, organization.id, "invite"),
          beforeAcceptInvitation: ({ organization }) => seatOr402(options.requireSeat, organization.id, "accept"),
        },
        sendInvitationEmail: async ({ id, email, role, organization, inviter }, request) => {
          const mail = invitationMail(mailLanguage(request?.headers.get("accept-language")), {
            organization: organization.name,
            inviter: inviter.user.name || inviter.user.email,
            role,
            url: `${options.baseURL}/invite/${encodeURIComponent(id)}`,
          });
          sendLater(mailer, logger, { kind: "invitation", orgId: organization.id, to: email, ...mail });
        },
        schema: {
          member: { fields: { organizationId: "orgId" } },
          invitation: { fields: { organizationId: "orgId" } },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
