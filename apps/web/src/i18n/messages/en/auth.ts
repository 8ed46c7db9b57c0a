/** Signing in, signing up, the first organization and invitations. */
export const auth = {
  "auth.signIn.title": "Sign in to Support",
  "auth.signUp.title": "Create your account",
  "auth.invited": "You were invited to an organization: sign up or sign in with the invited email to join.",
  "auth.signIn": "Sign in",
  "auth.signUp": "Sign up",
  "auth.haveAccount": "Already have an account?",
  "auth.newHere": "New here?",
  "auth.createAccount": "Create an account",
  "auth.welcome": "Welcome, {name}",
  "auth.openInvitationHint":
    "Invited by a teammate? Open the invitation link they shared while signed in as the invited email.",
  "auth.yourOrganizations": "Your organizations",
  "auth.openOrganization": "Open {name}",
  "auth.createOrganization.title": "Create an organization",
  "auth.createOrganization.hint":
    "An organization holds your apps, channels, knowledge and teammates. You will be its owner.",
  "auth.organizationName": "Organization name",
  "auth.createOrganization": "Create organization",
  "auth.invitation.title": "Invitation",
  "auth.invitation.text": "{organization} invites {email} as {role}.",
  "auth.invitation.someOrganization": "An organization",
  "auth.invitation.accept": "Accept invitation",
  "auth.invitation.notNow": "Not now",
} as const;
