import type { Message } from "@support/db";
import { interpretReply, type ModelReplyRequest, type ReplyReading } from "@support/decisions";
import type { ServiceContext } from "../service/context.js";

export interface ReadReply extends ReplyReading {
  model: string;
  fallbackReason: string | null;
}

/**
 * What the customer's reply means, by the model port (ADR 0114): Claude when configured (the
 * cascade falls back to the offline interpreter on an error, an invalid or an unsure answer),
 * the offline interpreter otherwise. A model that fails here still leaves the offline reading,
 * so a reply is never lost to an outage.
 */
export async function readProcedureReply(
  ctx: ServiceContext,
  input: { message: Message; messages: Message[]; language: string; newFields: string[] },
): Promise<ReadReply> {
  const asked = input.messages
    .filter((m) => m.direction === "outbound" && m.createdAt <= input.message.createdAt)
    .at(-1);
  const request: ModelReplyRequest = {
    text: input.message.text,
    language: input.language,
    asked: asked?.text ?? null,
    newFields: input.newFields,
  };
  const { model } = ctx.ports;
  if (!model.interpretReply)
    return { ...interpretReply(request.text, request), model: "offline", fallbackReason: null };
  try {
    const read = await model.interpretReply(request);
    return { ...read.value, model: model.name, fallbackReason: read.fallbackReason };
  } catch (error) {
    const reason = `${model.name} failed (${(error instanceof Error ? error.message : String(error)).slice(0, 200)})`;
    return { ...interpretReply(request.text, request), model: "offline", fallbackReason: reason };
  }
}
