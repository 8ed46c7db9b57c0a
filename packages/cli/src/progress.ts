/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal. */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  const width = 24;
  return {
    update(done: number, total: number) {
      if (!enabled || total === 0) return;
      const filled = Math.round((done / total) * width);
      stream.write(
        `\r[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} chunks  ${label.slice(0, 60)}`,
      );
    },
    end() {
      if (enabled) stream.write("\r\u001b[K");
    },
  };
}
