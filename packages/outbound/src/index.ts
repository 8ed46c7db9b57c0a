export { OutboundError, type OutboundFailure, outboundErrorOf } from "./errors.js";
export { createGuardedFetch, type GuardedFetch, type GuardOptions, type Resolve } from "./guarded-fetch.js";
export { type AddressVerdict, OutboundNetworks, parseCidr } from "./networks.js";
