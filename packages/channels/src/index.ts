export { signPayload, verifySignature } from "@support/sdk/signing";
