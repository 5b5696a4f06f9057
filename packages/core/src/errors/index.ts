export type { ErrorBody } from './errorBody.js';
export { errorBodySchema } from './errorBody.js';
export type { ErrorCode } from './errorCodes.js';
export { errorCodes, isErrorCode } from './errorCodes.js';
export { fieldsFromZodError } from './fieldsFromZodError.js';
