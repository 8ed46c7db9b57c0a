import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { checkKey, type FileStore } from "./port.js";

/**
 * The embedded default: files under `<DATA_DIR>/files/<org id>/<first two hex digits>/<sha-256>`.
 * The key is checked before it becomes a path (`checkKey`), so no key can leave the directory.
 * A file is written to a temporary name and renamed, so a reader never sees half a file; files
 * and directories are private to the process's user, like the secrets key beside them.
 */
export function localFileStore(dataDir: string): FileStore {
  const root = resolve(dataDir, "files");
  const pathOf = (key: string) => {
    const [org, digest] = checkKey(key).split("/") as [string, string];
    return { dir: join(root, org, digest.slice(0, 2)), file: join(root, org, digest.slice(0, 2), digest) };
  };
  return {
    kind: "embedded",
    async put(key, bytes) {
      const { dir, file } = pathOf(key);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const temporary = `${file}.${randomBytes(6).toString("hex")}.tmp`;
      await writeFile(temporary, bytes, { mode: 0o600 });
      await rename(temporary, file);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key).file));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key).file, { force: true });
    },
  };
}
