export { bankGatewayChecksumBase } from './bankGatewayChecksumBase.js';
export { compareOrdinal } from './compareOrdinal.js';
export { mandarinSignatureBase } from './mandarinSignatureBase.js';
export type { ProcessingSignatureInput } from './processingSignatureBase.js';
export { processingSignatureBase, relativeUrl } from './processingSignatureBase.js';
export { safeEqual } from './safeEqual.js';
export type { XAuthParts } from './xAuth.js';
export { formatXAuth, parseXAuth, xAuthBase } from './xAuth.js';
