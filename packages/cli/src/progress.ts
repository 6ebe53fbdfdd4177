/** Progress on stderr when it is a terminal; nothing at all on a pipe. */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  const started = Date.now();
  return {
    update(phase: string, detail?: string) {
      if (!enabled) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      stream.write(`\r\x1b[K${seconds}s ${phase}${detail ? ` ${detail}` : ""}`);
    },
    done() {
      if (enabled) stream.write("\r\x1b[K");
    },
  };
}
