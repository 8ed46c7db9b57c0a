export const USAGE = `Usage: skill <command> [options]

  init --name <product> [--org <organization>] [--new-key]
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
  catalog import <file.csv|file.xlsx> --app <app> [--dry-run] [--currency MGA] [--mapping '{"Prix TTC":"price"}']
                                 all or nothing, keyed by sku; prints each rejected line with its reason
  catalog list --app <app> [--q "<what a customer wrote>"]
  drafts list [--app <app>] [--status pending_approval|sent|…] | drafts show <id>
  drafts approve <id> [--text <edited reply>] | drafts reject <id> --reason <why>
  runs list [--status failed] | runs retry <run id>
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
  doctor                         checks every adapter the configuration names (database, workflows,
                                 vectors, model, Slack, channels, payments, observability): ok, warn
                                 or fail per line; exits 1 when any check fails

Every command accepts --json. With SUPPORT_API_URL and SUPPORT_API_KEY set, the apps, keys,
channels, drafts, runs, replay, slack, kb and eval retrieval --app commands act on that server (kb
add uploads each file and waits while the server processes it); otherwise every command acts on the
local DATA_DIR, where kb add processes each source itself. doctor always checks the local
configuration.`;
