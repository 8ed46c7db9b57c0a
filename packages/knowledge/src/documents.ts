/** What a parser or crawler hands to ingestion: Markdown, or question/answer pairs. */
export type KnowledgeDocument =
  | { format: "markdown"; title: string; url: string | null; markdown: string }
  | { format: "qa"; title: string; url: string | null; pairs: { question: string; answer: string }[] };

/** A file or page that cannot become a document; the message is shown to the person who added it. */
export class UnsupportedContentError extends Error {}
