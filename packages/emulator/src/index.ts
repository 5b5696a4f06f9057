export type { EmulatorStats } from './admin/Stats.js';
export type { Delivery, DeliveryAttempt, DeliveryChannel, DeliveryState } from './callbacks/Delivery.js';
export type { Emulator, RunningEmulator } from './createEmulator.js';
export { createEmulator } from './createEmulator.js';
export type { EmulatorContext } from './EmulatorContext.js';
export { SANDBOX_NAMES, sandboxKyc } from './esp/sandboxKyc.js';
export type { Fault, FaultKind } from './faults/FaultRegistry.js';
export { SCOPES } from './oauth/scopes.js';
export type {
  EmulatorDelays,
  EmulatorOptions,
  ProviderSecrets,
  ResolvedEmulatorOptions,
  RetrySchedule,
} from './options.js';
export { DEFAULT_CREDENTIALS } from './options.js';
