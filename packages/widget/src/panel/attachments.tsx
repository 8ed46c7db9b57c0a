import { useRef } from "preact/hooks";
import type { Strings } from "./strings.js";
import type { WidgetFileView } from "./types.js";

/** What the picker offers; the server still tells each file's type by its bytes. */
const ACCEPT = "image/png,image/jpeg,image/gif,image/webp,application/pdf";
/** As many files as one message may carry (the API's limit). */
export const MAX_FILES = 5;

export interface PendingFile {
  file: WidgetFileView;
  /** A local object URL for an image, so the visitor sees what they attach before sending it. */
  preview?: string;
}

/** The paperclip: opens the browser's file picker (several files at once). */
export function AttachButton(props: { t: Strings; disabled: boolean; onFiles: (files: File[]) => void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        class="sr"
        type="file"
        accept={ACCEPT}
        multiple
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const target = e.target as HTMLInputElement;
          props.onFiles([...(target.files ?? [])]);
          target.value = "";
        }}
      />
      <button
        type="button"
        class="clip"
        aria-label={props.t.attach}
        title={props.t.attach}
        disabled={props.disabled}
        onClick={() => input.current?.click()}
      >
        <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true">
          <path
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            d="M21 11l-8.5 8.5a5 5 0 01-7-7L14 4a3.5 3.5 0 015 5l-8.5 8.5a2 2 0 01-3-3L15 7"
          />
        </svg>
      </button>
    </>
  );
}

/** The files waiting to go with the next message, each removable. */
export function PendingFiles(props: { t: Strings; pending: PendingFile[]; onRemove: (id: string) => void }) {
  if (props.pending.length === 0) return null;
  return (
    <ul class="files pending">
      {props.pending.map(({ file, preview }) => (
        <li key={file.id} data-file={file.name}>
          {preview ? <img src={preview} alt="" /> : <span aria-hidden="true">📄</span>}
          <span>{file.name}</span>
          <button
            type="button"
            class="link"
            aria-label={props.t.removeFile.replace("{name}", file.name)}
            onClick={() => props.onRemove(file.id)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The files a message carries: a thumbnail for images this browser still has, the name otherwise. */
export function MessageFiles(props: { files: WidgetFileView[]; previews: Map<string, string> }) {
  if (props.files.length === 0) return null;
  return (
    <ul class="files">
      {props.files.map((file) => {
        const preview = props.previews.get(file.id);
        return (
          <li key={file.id} data-file={file.name}>
            {preview ? <img src={preview} alt={file.name} /> : <span aria-hidden="true">📎</span>}
            <span>{file.name}</span>
          </li>
        );
      })}
    </ul>
  );
}
