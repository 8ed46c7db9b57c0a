export { signPayload, verifySignature } from "@support/sdk/signing";
export * from "./outbound/index.js";
