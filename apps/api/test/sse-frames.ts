/** One server-sent event as a browser's EventSource sees it. */
export interface Frame {
  event: string;
  id?: string;
  data: Record<string, unknown>;
}

/** Reads server-sent frames until `until` holds for what arrived (or the stream ends), then closes it. */
export async function readFrames(res: Response, until: (frames: Frame[]) => boolean): Promise<Frame[]> {
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = "";
  while (!until(frames)) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
      const lines = buffer.slice(0, end).split("\n");
      buffer = buffer.slice(end + 2);
      const field = (name: string) =>
        lines
          .find((l) => l.startsWith(`${name}:`))
          ?.slice(name.length + 1)
          .trim();
      const event = field("event");
      if (event) frames.push({ event, id: field("id"), data: JSON.parse(field("data") ?? "{}") });
    }
  }
  await reader.cancel();
  return frames;
}
