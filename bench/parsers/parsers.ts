import {
  InboundPayloadError,
  parseAddress,
  parseEmail,
  parseFront,
  parseGeneric,
  parseWebForm,
  parseZendesk,
  stripHtml,
  stripQuotedReply,
} from "@support/channels";
import {
  analyze,
  chunkMarkdown,
  cleanQuery,
  htmlFragmentToMarkdown,
  htmlToMarkdown,
  redactPii,
} from "@support/knowledge";

/** A parser under test: what it is fed (the adversarial text, wrapped as its payload) and what it gives. */
export interface ParserCase {
  name: string;
  run(text: string): unknown;
}

/** Payload parsers may refuse a shape (400): that is an answer, anything else thrown is a failure. */
function orRefusal(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    if (error instanceof InboundPayloadError) return { refused: error.message };
    throw error;
  }
}

const messageId = "<m1@example.com>";

export const PARSERS: ParserCase[] = [
  { name: "channels stripHtml", run: stripHtml },
  { name: "channels parseAddress", run: (text) => parseAddress(text) },
  { name: "channels stripQuotedReply", run: stripQuotedReply },
  {
    name: "channels parseEmail (from)",
    run: (text) => orRefusal(() => parseEmail(JSON.stringify({ from: text, messageId, text: "hello" }))),
  },
  {
    name: "channels parseEmail (html)",
    run: (text) =>
      orRefusal(() =>
        parseEmail(JSON.stringify({ from: "ada@example.com", messageId, html: text.slice(0, 1_000_000) })),
      ),
  },
  {
    name: "channels parseEmail (text)",
    run: (text) =>
      orRefusal(() => parseEmail(JSON.stringify({ from: "ada@example.com", messageId, text: text.slice(0, 500_000) }))),
  },
  {
    name: "channels parseZendesk (trigger)",
    run: (text) =>
      orRefusal(() =>
        parseZendesk(
          JSON.stringify({
            ticket: { id: "1", requester: { email: "ada@example.com" }, latest_public_comment: { body: text } },
          }),
        ),
      ),
  },
  {
    name: "channels parseFront (message)",
    run: (text) =>
      orRefusal(() =>
        parseFront(
          JSON.stringify({
            type: "inbound_received",
            payload: {
              id: "evt_1",
              conversation: { id: "cnv_1" },
              target: {
                _meta: { type: "message" },
                data: { id: "msg_1", body: text, recipients: [{ handle: text, role: "from" }] },
              },
            },
          }),
        ),
      ),
  },
  {
    name: "channels parseGeneric",
    run: (text) =>
      orRefusal(() =>
        parseGeneric(
          JSON.stringify({
            type: "message.received",
            id: "e1",
            customer: { email: text },
            message: { text: text.slice(0, 100_000), html: text.slice(0, 500_000) },
          }),
        ),
      ),
  },
  {
    name: "channels parseWebForm",
    run: (text) => orRefusal(() => parseWebForm({ email: text, message: text.slice(0, 20_000) })),
  },
  { name: "knowledge htmlToMarkdown", run: (text) => htmlToMarkdown(text, "https://help.example.com/") },
  { name: "knowledge htmlFragmentToMarkdown", run: htmlFragmentToMarkdown },
  { name: "knowledge redactPii", run: redactPii },
  { name: "knowledge cleanQuery", run: cleanQuery },
  { name: "knowledge chunkMarkdown", run: (text) => chunkMarkdown("src", "Doc", text) },
  { name: "knowledge analyze", run: analyze },
];
