import type { Locale } from "../locales.js";
import { type English, en, type MessageId } from "./en/index.js";
import { fr } from "./fr/index.js";

export type { English, MessageId };

export const catalogues: Record<Locale, Record<MessageId, string>> = { en, fr };
