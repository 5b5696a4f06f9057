export type { BankGatewayCallback, BankGatewayOperation } from './bankGateway.js';
export { bankGatewayCallbackSchema, bankGatewayOperationSchema } from './bankGateway.js';
export type { ProcessingCallback } from './processing.js';
export { processingCallbackSchema } from './processing.js';
export type { TransferStatus, TransferStatusCallback } from './transferStatus.js';
export { transferStatusCallbackSchema, transferStatusSchema } from './transferStatus.js';
export type {
  WidgetCheckCode,
  WidgetCheckNotification,
  WidgetFailNotification,
  WidgetPayNotification,
  WidgetRecurrentNotification,
  WidgetReply,
} from './widget.js';
export {
  isWidgetDateTime,
  widgetCheckCodeSchema,
  widgetCheckNotificationSchema,
  widgetCurrencySchema,
  widgetFailNotificationSchema,
  widgetPaymentStatusSchema,
  widgetPayNotificationSchema,
  widgetRecurrentNotificationSchema,
  widgetReplySchema,
  widgetSubscriptionStatusSchema,
} from './widget.js';
