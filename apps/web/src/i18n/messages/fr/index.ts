import { frenchSpacing } from "../../typography.js";
import type { enAreas } from "../en/index.js";
import { merge } from "../merge.js";
import { account } from "./account.js";
import { analytics } from "./analytics.js";
import { apps } from "./apps.js";
import { audit } from "./audit.js";
import { auth } from "./auth.js";
import { autonomy } from "./autonomy.js";
import { billing } from "./billing.js";
import { common } from "./common.js";
import { conversation } from "./conversation.js";
import { customer } from "./customer.js";
import { draft } from "./draft.js";
import { errors } from "./errors.js";
import { frontPlugin } from "./frontPlugin.js";
import { keys } from "./keys.js";
import { knowledge } from "./knowledge.js";
import { leads } from "./leads.js";
import { members } from "./members.js";
import { outbox } from "./outbox.js";
import { procedures } from "./procedures.js";
import { queue } from "./queue.js";
import { reply } from "./reply.js";
import { settings } from "./settings.js";
import { shell } from "./shell.js";
import { shop } from "./shop.js";
import { slack } from "./slack.js";
import { tasks } from "./tasks.js";
import { triage } from "./triage.js";
import { widget } from "./widget.js";

/** Every English area, each with exactly its ids (the area files check that too). */
const frAreas = {
  analytics,
  apps,
  audit,
  auth,
  autonomy,
  billing,
  common,
  conversation,
  customer,
  draft,
  errors,
  keys,
  knowledge,
  members,
  outbox,
  queue,
  reply,
  shell,
  slack,
  triage,
  settings,
  account,
  procedures,
  tasks,
  widget,
  frontPlugin,
  shop,
  leads,
} satisfies { [A in keyof typeof enAreas]: Record<keyof (typeof enAreas)[A], string> };

export const fr = frenchSpacing(merge(frAreas));
