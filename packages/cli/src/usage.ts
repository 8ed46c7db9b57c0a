export const USAGE = `Usage: skill <command> [options]

  init --name <product> [--org <organization>] [--new-key] [--owner-email <email>]
                                 --owner-email: that person owns the organization in the dashboard
                                 (a set-password link is printed and mailed)
  apps list [--org <organization>]
  apps integrate --app <app> --url <url> [--secret <secret>] [--refund-auto-days N] [--refund-auto-below <cents>]
  apps health --app <app> | apps rotate-secret --app <app> [--secret <secret>] | apps remove-old-secret --app <app>
  keys create --name <name> [--role owner|admin|agent] | keys list | keys revoke <id>
                                 API keys (Authorization: Bearer) of the organization
  keys signing --app <app>       the app's live webhook signing key versions (never the secrets)
  keys rotate --app <app>        new webhook signing secret, shown once; the old one keeps working
  keys remove-old --app <app>    after every sender has the new secret: only the newest one works
  channels set <front|zendesk|whatsapp|email|web|generic> --app <app> [--secret …] [--api-token …]
      [--verify-token …] [--phone-number-id …] [--base-url …] [--callback-url …] [--smtp-url …] [--from …]
      [--agent-email …] [--agent-id …]
  channels list --app <app>
  channels test <channel> --app <app>
  kb add <path|url>... --app <app|shared> [--max-pages 50] | kb list [--app <app>]
  kb search "<query>" --app <app> [--k 5] [--mode bm25|dense|hybrid] | kb remove <source id>
  db migrate
  contacts export <email|phone|id> | contacts erase <email|phone|id>
                                 a customer's data as JSON, or erased everywhere (GDPR; audited)
  billing sync                   creates or updates the plans' Stripe products and prices (lookup keys;
                                 needs STRIPE_SECRET_KEY and STRIPE_BILLING_WEBHOOK_SECRET)
  catalog import <file.csv|file.xlsx> --app <app> [--dry-run] [--currency MGA] [--mapping '{"Prix TTC":"price"}']
                                 all or nothing, keyed by sku; prints each rejected line with its reason
  catalog list --app <app> [--q "<what a customer wrote>"]
  leads list --app <app> [--stage new|qualified|quoted|won|lost]
                                 the shop's leads: stage, contact, value, owner
  mail list [--to <address>] [--limit n] | mail show <id>
                                 the embedded mailbox (local only): resets, set-password links, invitations, warnings
  drafts list [--app <app>] [--status pending_approval|sent|…] | drafts show <id>
  drafts approve <id> [--text <edited reply>] [--actions <id,...> | --no-actions] | drafts reject <id> --reason <why>
  runs list [--status failed] | runs retry <run id>
  conversations reply <id> --text <reply>   a person answers on the conversation's channel, whatever its state
  conversations resend <delivery id>        sends a failed delivery's text again (once)
  conversations takeover <id> | conversations release <id>
                                 the AI drafts nothing on a taken-over conversation until it is released
  replay <conversation>          re-run the drafting steps on it without storing or sending; prints each step
  slack connect --bot-token <xoxb-…> --signing-secret <secret> --channel <channel id> [--app <app>]
      [--summary-channel <channel id>] [--api-url <Slack Web API base URL>] | slack status
  eval triage --train <jsonl> --test <jsonl> [--shots k]
                                 trains and tests the offline classifier on those files (always here)
  eval retrieval --dataset <dir> [--app <app|shared>] [--mode bm25|dense|hybrid] [--k 100] [--run <file>]
                                 BEIR folder (corpus.jsonl, queries.jsonl, qrels.tsv): without --app its
                                 corpus is indexed into a throwaway database here; with --app the app's
                                 knowledge is ranked as it is, each qrel naming a source by id or by the
                                 file or URL it was added from (corpus.jsonl is not read), on the server
                                 in one request with SUPPORT_API_URL (latency measured there)
  eval answers --dataset <dir>   replays a labelled answer set (kb/ and questions.jsonl per business) through
                                 the drafting pipeline in shadow mode in a throwaway product (always here):
                                 answer rate, key-fact recall, escalations, leaks, action claims, auto-send
  categories show|reset --app <app> | categories set <file.json|yaml> --app <app>
                                 the app's own triage categories (description, examples, signals),
                                 confidence threshold and fallback category
  procedures add <file.json|yaml> --app <app> | procedures add --template 3d-intake|return-authorisation --app <app>
  procedures list --app <app> | procedures show <key> --app <app> [--version N] | procedures remove <key> --app <app>
                                 a business's own steps for one trigger category, saved as a new version
  procedures test <key> --app <app> --transcript <file.json|yaml> [--version N]
                                 runs it over a scripted conversation in shadow mode (nothing sent or
                                 stored) and prints every step with its inputs and outputs
  procedures connect clickup --app <app> --token <token> --list <id> [--parent <task id>] [--api-url <base>]
                                 procedure tasks go to that ClickUp list (subtasks of the parent);
                                 without it, to the product's own task list (GET /api/v1/tasks)
  procedures connect hubspot --app <app> --token <token> [--api-url <base>]
                                 procedure tasks become HubSpot tickets: the contact upserted by email,
                                 a note per message of the conversation
  doctor                         checks every adapter the configuration names (database, workflows,
                                 vectors, model, Slack, channels, payments, observability): ok, warn
                                 or fail per line; exits 1 when any check fails
  widget show|rotate --app <app>  the chat widget's setup and snippet; a new widget secret, shown once
                                 (the previous one keeps verifying identities until the next rotation)
  front-plugin show|rotate       the Front sidebar plugin: its URL and which member each Front teammate
                                 acts as; a new plugin secret, shown once in the URL to register in Front

Every command accepts --json. With SUPPORT_API_URL and SUPPORT_API_KEY set, the apps, keys,
channels, drafts, conversations, runs, replay, slack, kb, categories, procedures and eval retrieval --app commands act on that server (kb
add uploads each file and waits while the server processes it); otherwise every command acts on the
local DATA_DIR, where kb add processes each source itself. doctor always checks the local
configuration.`;
