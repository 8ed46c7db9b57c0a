export { OutboundError, type OutboundFailure, outboundErrorOf } from "./errors.js";
export {
  createGuardedFetch,
  createHostResolver,
  createOutbound,
  type GuardedFetch,
  type GuardOptions,
  type Outbound,
  type Resolve,
} from "./guarded-fetch.js";
export { type AddressVerdict, OutboundNetworks, parseCidr } from "./networks.js";
