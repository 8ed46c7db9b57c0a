export { localFileStore } from "./local.js";
export { checkKey, type FileStore, fileKey, InvalidFileKeyError } from "./port.js";
export { type S3Settings, s3FileStore } from "./s3.js";
export { EXTENSIONS, SNIFFED_TYPES, type SniffedType, sniffType } from "./sniff.js";
