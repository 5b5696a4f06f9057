export type { RoutingIssue, RoutingIssueCode, RoutingShare } from './RoutingShare.js';
export type { RoutingWireEntry } from './routingWire.js';
export { fromRoutingWire, toRoutingDestination, toRoutingSource } from './routingWire.js';
export type { SplitRefundOptions } from './splitRefund.js';
export { remainingByAccount, splitRefund } from './splitRefund.js';
export { isAccountId, validateRouting } from './validateRouting.js';
